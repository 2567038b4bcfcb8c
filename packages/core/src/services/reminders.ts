// Reminders: one EventBridge Scheduler one-time schedule per open task, at its due time, that
// puts a `task.reminder` on the bus; functions/consumers/task-due.ts turns it into `task.due`.
// A schedule cannot join the task's transaction, so functions/consumers/task-reminders.ts keeps
// it from the task.* events on the bus: a failed Scheduler call is retried (then a DLQ), never
// lost; a stale schedule is harmless because task-due checks the task again when it fires.
import type { TaskReminder } from '@crm/contract';
import { TASK_REMINDER } from '@crm/contract/tasks';
import type { TaskSlot } from '../derived/nearest-task.ts';
import { bookOnBus, scheduler, schedulerSettings } from '../schedules.ts';

const scheduleName = (taskId: string) => `task-${taskId}`;

/** Makes the task's schedule match it: at its due time while it is open and due later, else none. */
export async function syncReminder(taskId: string, task: TaskSlot | null) {
  const s = schedulerSettings();
  if (!s.busArn || !s.roleArn) throw new Error('EVENT_BUS_ARN and SCHEDULER_ROLE_ARN are needed to keep reminders');
  if (task && task.state === 'open' && Date.parse(task.dueAt) > Date.now()) await upsert(task);
  else await removeSchedule(s.group, scheduleName(taskId));
}

const upsert = (task: TaskSlot) =>
  bookOnBus({
    name: scheduleName(task.taskId),
    at: Date.parse(task.dueAt),
    input: { accountId: task.accountId, taskId: task.taskId, dueAt: task.dueAt } satisfies TaskReminder,
    event: TASK_REMINDER,
    onConflict: 'update',
    purpose: 'keep reminders',
  });

async function removeSchedule(group: string, name: string) {
  const { sdk, client } = await scheduler();
  try {
    await client.send(new sdk.DeleteScheduleCommand({ GroupName: group, Name: name }));
  } catch (err) {
    if (!(err instanceof sdk.ResourceNotFoundException)) throw err;
  }
}
