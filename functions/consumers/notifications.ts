// Turns bus events into in-app notifications (a task due, a lead assigned, an incoming request).
// A failure throws, so EventBridge retries it and then parks it in the rule's DLQ; a retry
// or a second delivery adds nothing (one notification per event and recipient).
import { CrmEvent } from '@crm/contract/events';
import { notifyOf } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const parsed = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!parsed.success) {
    console.error(JSON.stringify({ message: 'Not a CRM event', detail: event.detail }));
    return;
  }
  await notifyOf(parsed.data);
};
