// Runs the stage automations a lead's entry into a stage triggers (lead.created,
// lead.stage_changed). A failure throws, so EventBridge retries it (every action is
// idempotent) and then parks it in the rule's DLQ.
import { CrmEvent } from '@crm/contract';
import { runAutomations, type WebhookAction } from '@crm/core';

/**
 * The `webhook` action. The webhooks module's guarded, signed delivery (URL guard, retries,
 * delivery log) plugs in here; until then the action is logged and not sent, since an
 * unguarded request to an admin-given URL could reach private addresses.
 */
export const deliverWebhook: WebhookAction = async (url, event, automation) => {
  console.warn(
    JSON.stringify({
      message: 'Automation webhook not sent: no guarded delivery yet',
      automationId: automation.id,
      eventId: event.id,
      host: new URL(url).host,
    }),
  );
};

export const handler = async (event: { detail?: unknown }) => {
  const parsed = CrmEvent.safeParse(event.detail);
  if (!parsed.success) {
    console.error(JSON.stringify({ message: 'Not a CRM event', detail: event.detail }));
    return;
  }
  await runAutomations(parsed.data, deliverWebhook);
};
