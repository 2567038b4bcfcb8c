// A task's reminder schedule fired (EventBridge Scheduler -> the bus, `task.reminder`): writes
// the `task.due` event-log item, which the stream then carries to the bus like any change.
import { TaskReminder } from '@crm/contract/tasks';
import { markTaskDue } from '@crm/core';

export const handler = async (event: { detail?: unknown }) => {
  const reminder = TaskReminder.safeParse(event.detail);
  // A malformed reminder cannot become valid on a retry: drop it, loudly.
  if (!reminder.success) {
    console.error(JSON.stringify({ message: 'Not a task reminder', detail: event.detail }));
    return;
  }
  await markTaskDue(reminder.data);
};
