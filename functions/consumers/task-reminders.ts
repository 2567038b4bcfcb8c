// Keeps each task's reminder schedule in step with the task: runs on every task.* event from
// the bus. A failure throws, so EventBridge retries it and then parks it in the rule's DLQ.
import { CrmEvent } from '@crm/contract/events';
import { syncTaskReminder } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const change = CrmEvent.safeParse(event.detail);
  // A malformed event cannot become valid on a retry: drop it, loudly.
  if (!change.success || change.data.entity.type !== 'task') {
    console.error(JSON.stringify({ message: 'Not a task event', detail: event.detail }));
    return;
  }
  await syncTaskReminder(change.data.accountId, change.data.entity.id);
};
