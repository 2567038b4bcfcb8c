// Runs the stage automations a lead's entry into a stage triggers (lead.created,
// lead.stage_changed). A failure throws, so EventBridge retries it (every action is
// idempotent) and then parks it in the rule's DLQ.
import { CrmEvent } from '@crm/contract/events';
import { deliverSignedPost, runAutomations, type WebhookAction } from '@crm/core';

/**
 * The `webhook` action: the event envelope POSTed through the webhooks' guard (services/
 * webhook-sender.ts: https only in AWS, no private or metadata address, checked after DNS).
 * The contract gives this action a URL and no secret, so the request carries only the
 * signature's time. A refusal or a failed answer throws: EventBridge retries the event (every
 * other action is idempotent) and then parks it in the rule's DLQ.
 */
export const deliverWebhook: WebhookAction = async (url, event, automation) => {
  const outcome = await deliverSignedPost({
    url,
    body: JSON.stringify(event),
    secrets: [],
    headers: { 'x-crm-event': event.type, 'x-crm-delivery': `${event.id}-${automation.id}` },
  });
  if (!outcome.ok) throw new Error(`Automation ${automation.id} webhook failed: ${outcome.error ?? outcome.responseCode}`);
};

export const handler = async (event: { detail?: unknown }) => {
  const parsed = CrmEvent.safeParse(event.detail);
  if (!parsed.success) {
    console.error(JSON.stringify({ message: 'Not a CRM event', detail: event.detail }));
    return;
  }
  await runAutomations(parsed.data, deliverWebhook);
};
