// Webhook deliveries: every CRM event from the bus becomes one delivery per subscribed webhook,
// and each retry schedule (`webhook.attempt`, put on the bus by the Scheduler) runs one attempt.
// A failure to reach the table throws, so EventBridge retries it and then parks it in the DLQ.
import { CrmEvent } from '@crm/contract/events';
import { WEBHOOK_ATTEMPT, WebhookAttempt } from '@crm/contract/webhooks';
import { deliverEvent, runAttempt } from '@crm/core';

export const handler = async (event: { source?: string; 'detail-type'?: string; detail?: unknown }) => {
  if (event.source === WEBHOOK_ATTEMPT.source) {
    const attempt = WebhookAttempt.safeParse(event.detail);
    if (!attempt.success) return void console.error(JSON.stringify({ message: 'Not a webhook attempt', detail: event.detail }));
    await runAttempt(attempt.data);
    return;
  }
  const change = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!change.success) return void console.error(JSON.stringify({ message: 'Not a CRM event', detail: event.detail }));
  await deliverEvent(change.data);
};
