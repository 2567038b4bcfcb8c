// Tasks: create, change or reschedule, complete with a result, delete, and list them by
// status, due range, responsible and linked record, one Query per page.
import type { z } from 'zod';
import type { RecordRef, Task, TaskComplete, TaskCreate, TaskListQuery, TaskPatch, TaskReminder } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid } from '../errors.ts';
import { idempotent } from '../write/idempotency.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, byResponsibleIndex, MERGED_MEMBERS, mergedPageOf, pageOf, type PageRead } from '../page.ts';
import { requireRight } from '../rights.ts';
import { listedMembers, listedOwner, oneOf } from '../model/clients.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { recordCountWrites } from '../derived/record-counts.ts';
import { commit, IdempotentReplay, RaceLost, retrying, type Write } from '../write/write.ts';
import { nearestTaskWrites } from '../derived/nearest-task.ts';
import { accountTimeZone, taskTallyWrites } from '../derived/analytics-counters.ts';
import { recordNames, requireLinkableRecord } from '../reads/records.ts';
import { syncReminder } from './reminders.ts';
import { defaultTaskTypeId, openTasksOfTypeWrites, requireTaskType, taskTypeStillExists } from './task-types.ts';
import { requireAssignable } from './users.ts';
import { stampsOf } from '../model/stamps.ts';

export type TaskItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.task.get>['go']>>['data']>;

/** The placeholder record of a task linked to nothing: index keys cannot be absent. */
const NO_RECORD = '-';

export const toTask = (t: TaskItem): Task => ({
  id: t.taskId,
  text: t.text,
  typeId: t.typeId,
  dueAt: t.dueAt,
  responsibleUserId: t.responsibleUserId,
  entity: t.entityType === NO_RECORD ? null : { type: t.entityType as RecordRef['type'], id: t.entityId },
  completedAt: t.completedAt ?? null,
  result: t.result ?? null,
  ...stampsOf(t),
});

const TRACKED = ['text', 'typeId', 'dueAt', 'responsibleUserId', 'entity', 'completedAt', 'result'] as const;

/** One spelling per instant, so that the string order of due keys is time order. */
const instant = (iso: string) => new Date(iso).toISOString();

const recordFields = (ref: RecordRef | null) => ({ entityType: ref?.type ?? NO_RECORD, entityId: ref?.id ?? NO_RECORD });

const tasks = aggregate({
  type: 'task',
  label: 'Task',
  dataKey: 'task',
  read: async (caller, taskId) => (await db.task.get({ accountId: caller.accountId, taskId }).go()).data,
  store: entityStore<TaskItem>(db.task, (t) => ({ accountId: t.accountId, taskId: t.taskId })),
  toContract: toTask,
  tracked: TRACKED,
  authorize: (caller, access, task) => requireRight(caller, 'tasks', access, { userId: task.responsibleUserId }),
  alongside: async (caller, before, after) => [
    ...(await sideWrites(caller, before, after)),
    ...recordCountWrites(caller.accountId, 'task', before, after),
  ],
});

export const getTask = (caller: Caller, taskId: string) => tasks.get(caller, taskId);

/** What each task write also does: the type's open count, and the linked records' nearest task. */
async function sideWrites(caller: Caller, before: TaskItem | null, after: TaskItem | null): Promise<Write[]> {
  return [
    ...openTasksOfTypeWrites(before, after),
    ...(await nearestTaskWrites(before, after)),
    // analytics: the managers' report counts open, overdue and completed tasks from these
    ...taskTallyWrites(caller.accountId, await accountTimeZone(caller.accountId), before, after),
  ];
}

export function createTask(caller: Caller, input: z.output<typeof TaskCreate>, options?: WriteOptions) {
  return tasks.create(caller, options, async () => {
    const responsibleUserId = input.responsibleUserId ?? caller.userId;
    await requireAssignable(caller, 'tasks', responsibleUserId);
    const typeId = input.typeId ?? (await defaultTaskTypeId(caller));
    if (input.typeId) await requireTaskType(caller, typeId);
    if (input.entity) await requireLinkableRecord(caller, input.entity, 'entity.id');
    const at = now();
    const item: TaskItem = {
      accountId: caller.accountId,
      taskId: newId(),
      text: input.text,
      typeId,
      dueAt: instant(input.dueAt),
      responsibleUserId,
      ...recordFields(input.entity ?? null),
      state: 'open',
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    return { item, writes: [taskTypeStillExists(caller.accountId, typeId)] };
  });
}

/** Edits and reschedules (`dueAt`); `entity: null` unlinks. */
export function patchTask(caller: Caller, taskId: string, patch: z.output<typeof TaskPatch>, options?: WriteOptions) {
  return tasks.change(
    caller,
    taskId,
    options,
    async (current) => {
      const writes: Write[] = [];
      if (patch.responsibleUserId !== undefined && patch.responsibleUserId !== current.responsibleUserId) {
        await requireAssignable(caller, 'tasks', patch.responsibleUserId);
      }
      if (patch.typeId !== undefined && patch.typeId !== current.typeId) {
        await requireTaskType(caller, patch.typeId);
        writes.push(taskTypeStillExists(caller.accountId, patch.typeId));
      }
      if (patch.entity) await requireLinkableRecord(caller, patch.entity, 'entity.id');
      const next: TaskItem = {
        ...current,
        text: patch.text ?? current.text,
        typeId: patch.typeId ?? current.typeId,
        dueAt: patch.dueAt ? instant(patch.dueAt) : current.dueAt,
        responsibleUserId: patch.responsibleUserId ?? current.responsibleUserId,
        ...(patch.entity !== undefined ? recordFields(patch.entity) : {}),
      };
      return { next, writes };
    },
    { replayable: true },
  );
}

export function completeTask(caller: Caller, taskId: string, input: z.output<typeof TaskComplete>, options?: WriteOptions) {
  return idempotent(caller, options, () =>
    tasks.change(
      caller,
      taskId,
      options,
      (current) => {
        if (current.state === 'completed') throw conflict('The task is already completed');
        return { next: { ...current, state: 'completed', completedAt: now(), result: input.result || undefined } };
      },
      { event: 'completed', replayable: true },
    ),
  );
}

export function deleteTask(caller: Caller, taskId: string, options?: WriteOptions) {
  return tasks.destroy(caller, taskId, options);
}

/**
 * Brings a task's reminder schedule in step with the task as it is now. Runs from the bus on
 * every task.* event (at least once, in any order), which is why it reads the task rather
 * than trusting the event: the outbox guarantees the schedule follows every committed change.
 */
export async function syncTaskReminder(accountId: string, taskId: string) {
  const { data: task } = await db.task.get({ accountId, taskId }).go({ consistent: true });
  // Already due by the time its event arrived (or created overdue): it falls due now.
  if (task?.state === 'open' && Date.parse(task.dueAt) <= Date.now()) {
    await markTaskDue({ accountId, taskId, dueAt: task.dueAt });
    return;
  }
  await syncReminder(taskId, task ?? null);
}

/**
 * A reminder fired: writes `task.due` (actor `system`) if the task is still open and due at
 * that time; a completed, deleted or rescheduled task, or a second delivery, writes nothing.
 */
export async function markTaskDue(reminder: TaskReminder) {
  const { accountId, taskId, dueAt } = reminder;
  return retrying(async () => {
    const { data: task } = await db.task.get({ accountId, taskId }).go({ consistent: true });
    if (!task || task.state !== 'open' || task.dueAt !== dueAt) return false;
    try {
      await commit({
        caller: { accountId, actor: { type: 'system', id: 'reminders' } },
        writes: [taskUnchanged(task)],
        events: [{ type: 'task.due', entity: { type: 'task', id: taskId }, data: { task: toTask(task) } }],
        // The reminder's own key: a second delivery finds it and writes nothing.
        options: { idempotency: { key: `task.due#${taskId}#${dueAt}`, requestHash: dueAt } },
        result: { taskId, dueAt },
      });
    } catch (err) {
      if (err instanceof IdempotentReplay) return false;
      throw err;
    }
    return true;
  });
}

const taskUnchanged = (task: TaskItem): Write => ({
  item: {
    ConditionCheck: {
      ...(db.task.get({ accountId: task.accountId, taskId: task.taskId }).params() as { TableName: string; Key: Record<string, unknown> }),
      ConditionExpression: '#version = :version',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':version': task.version },
    },
  },
  onFail: () => new RaceLost() as never,
});

/**
 * One Query per page. The index follows the most selective filter (linked record, then
 * responsible, then the account); its sort key is (state, dueAt, id), so a status is a key
 * range ordered by due time and a due range narrows it. Without a status the open tasks
 * follow the completed ones and the due range becomes a filter.
 */
export async function listTasks(caller: Caller, query: TaskListQuery) {
  if (query.entityId && !query.entityType)
    throw invalid('entityId needs entityType', [{ path: 'entityType', message: 'required with entityId' }]);
  const members = listedMembers(caller, 'tasks', query.responsibleUserId);
  const responsibleUserId = members ? undefined : visibleResponsible(caller, query.responsibleUserId);
  const { accountId } = caller;
  const byRecord = query.entityType && query.entityId;
  const dueFrom = query.dueFrom && instant(query.dueFrom);
  const dueTo = query.dueTo && instant(query.dueTo);
  const state = query.status === 'completed' ? 'completed' : query.status ? 'open' : undefined;
  // Keys are lower-cased ISO times; '~' sorts after all of them and after any task id.
  const high = [dueTo && `${dueTo.toLowerCase()}~`, query.status === 'overdue' ? now().toLowerCase() : undefined, '~']
    .filter((h): h is string => !!h)
    .sort()[0]!;
  // e.g. overdue (due before now) from a future time: nothing can match.
  if (state && (dueFrom?.toLowerCase() ?? '0') > high) return { items: [], nextCursor: null };
  /** One Query of the list on `index`, its sort key ranged by state and due time, the rest filtered. */
  const readOn =
    (index: ReturnType<typeof db.task.query.byDue>, owners: string[]): PageRead<TaskItem> =>
    (o) =>
      (state ? index.between({ state, dueAt: dueFrom?.toLowerCase() ?? '0' }, { state, dueAt: high }) : index)
        .where((a, op) =>
          [
            owners.length ? oneOf(op, a.responsibleUserId, owners) : '',
            query.entityType && !query.entityId ? op.eq(a.entityType as never, query.entityType as never) : '',
            !state && dueFrom ? op.gte(a.dueAt, dueFrom) : '',
            !state && dueTo ? op.lte(a.dueAt, dueTo) : '',
          ]
            .filter(Boolean)
            .join(' AND '),
        )
        .go(o);
  const byResponsible = (m: string) =>
    db.task.query.byResponsible({ accountId, responsibleUserId: m }) as unknown as ReturnType<typeof db.task.query.byDue>;
  const page =
    members && !byRecord && members.length <= MERGED_MEMBERS
      ? // The group's tasks: each member's own index, merged by due time.
        await mergedPageOf(accountId, members, (m) => readOn(byResponsible(m), []), byResponsibleIndex(db.task), 'asc', query, toTask)
      : await pageOf(
          byRecord
            ? readOn(
                db.task.query.byRecord({ accountId, entityType: query.entityType!, entityId: query.entityId! }) as never,
                members ?? (responsibleUserId ? [responsibleUserId] : []),
              )
            : responsibleUserId
              ? readOn(byResponsible(responsibleUserId), [])
              : readOn(db.task.query.byDue({ accountId }), members ?? []),
          { limit: query.limit, cursor: acceptCursor(query.cursor, accountId) },
          toTask,
        );
  return { ...page, items: await withRecordNames(accountId, page.items) };
}

/** Names the lead, contact or company of each task on a page (a deleted one stays unnamed). */
async function withRecordNames(accountId: string, tasks: Task[]) {
  const names = await recordNames(
    accountId,
    tasks.flatMap((t) => (t.entity ? [t.entity] : [])),
  );
  return tasks.map((t) => {
    const name = t.entity && names.get(`${t.entity.type}:${t.entity.id}`);
    return name && t.entity ? { ...t, entity: { ...t.entity, name } } : t;
  });
}

/** Whose tasks the caller may list (model/clients.ts `listedOwner`: own, a group member, or anyone's). */
const visibleResponsible = (caller: Caller, asked: string | undefined) => listedOwner(caller, 'tasks', asked);
