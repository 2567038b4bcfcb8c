// Many open tasks at once, for the desktop's bench and the command-counting test: the task
// items and the due counters their transactions would have added (the same contribution
// function), put in batches instead of one transaction per task.
import { db, taskContribution, type Tally } from '@crm/core';

export interface TaskSeed {
  accountId: string;
  userId: string;
  typeId: string;
  count: number;
  /** The due times (ISO) the tasks are spread over, task i on dueTimes[i mod length]. */
  dueTimes: string[];
}

export async function seedTasks({ accountId, userId, typeId, count, dueTimes }: TaskSeed) {
  const tallies = new Map<string, Tally>();
  const at = new Date().toISOString();
  const tasks = Array.from({ length: count }, (_, i) => {
    const task = {
      accountId,
      taskId: `01SEEDTASK${String(i).padStart(16, '0')}`,
      text: `Seed task ${i}`,
      typeId,
      dueAt: dueTimes[i % dueTimes.length],
      responsibleUserId: userId,
      entityType: '-',
      entityId: '-',
      state: 'open' as const,
      createdAt: at,
      updatedAt: at,
      createdBy: userId,
      version: 1,
    };
    for (const [key, t] of taskContribution(task, 'UTC')) {
      const sum = tallies.get(key) ?? {};
      for (const [f, v] of Object.entries(t) as [keyof Tally, number][]) sum[f] = (sum[f] ?? 0) + v;
      tallies.set(key, sum);
    }
    return task;
  });
  await db.task.put(tasks).go({ concurrency: 8 });
  await db.tally.put([...tallies].map(([key, t]) => ({ accountId, key, ...t }))).go({ concurrency: 8 });
}
