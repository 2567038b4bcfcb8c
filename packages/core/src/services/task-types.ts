// Task types (Call, Meeting, Follow-up and the account's own): every account starts with the
// defaults; admins add, rename and delete them. A type cannot be deleted while open tasks
// use it: a counter of open tasks per type, changed in the tasks' transactions, guards that.
import type { z } from 'zod';
import type { TaskType, TaskTypeCreate, TaskTypeListQuery, TaskTypePatch } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid } from '../errors.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { definedOnly } from '../text.ts';
import { put, update, type Write } from '../write/write.ts';
import { stampsOf } from '../model/stamps.ts';

type TaskTypeItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.taskType.get>['go']>>['data']>;

export const DEFAULT_TASK_TYPES = [
  { name: 'Call', color: '#4caf50' },
  { name: 'Meeting', color: '#2196f3' },
  { name: 'Follow-up', color: '#ff9800' },
] as const;

/** The default types' names in a Russian account, in DEFAULT_TASK_TYPES' order. */
const RUSSIAN_TASK_TYPE_NAMES = ['Звонок', 'Встреча', 'Связаться'];

export const toTaskType = (t: TaskTypeItem): TaskType => ({
  id: t.taskTypeId,
  name: t.name,
  color: t.color,
  ...stampsOf(t),
});

function newTaskTypeItem(caller: Pick<Caller, 'accountId' | 'userId'>, input: { name: string; color: string }): TaskTypeItem {
  const at = now();
  return {
    accountId: caller.accountId,
    taskTypeId: newId(),
    name: input.name,
    color: input.color,
    createdAt: at,
    updatedAt: at,
    createdBy: caller.userId,
    version: 1,
  };
}

/** The sign-up transaction's writes of the default types (registered in services/accounts.ts). */
export const defaultTaskTypeWrites = (caller: Pick<Caller, 'accountId' | 'userId'>, locale: 'en' | 'ru' = 'en'): Write[] =>
  DEFAULT_TASK_TYPES.map((t, i) =>
    put(db.taskType.create(newTaskTypeItem(caller, { ...t, name: locale === 'ru' ? RUSSIAN_TASK_TYPE_NAMES[i] : t.name })).params()),
  );

const taskTypes = aggregate({
  type: 'task_type',
  label: 'Task type',
  dataKey: 'taskType',
  read: async (caller, taskTypeId) => (await db.taskType.get({ accountId: caller.accountId, taskTypeId }).go()).data,
  store: entityStore<TaskTypeItem>(db.taskType, (t) => ({ accountId: t.accountId, taskTypeId: t.taskTypeId })),
  toContract: toTaskType,
  tracked: ['name', 'color'],
});

export const getTaskType = (caller: Caller, id: string) => taskTypes.get(caller, id);

export async function listTaskTypes(caller: Caller, query: z.output<typeof TaskTypeListQuery>) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => db.taskType.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toTaskType);
}

/** The type a task gets when none is named: the account's first (oldest) type. */
export async function defaultTaskTypeId(caller: Caller) {
  const { data } = await db.taskType.query.byId({ accountId: caller.accountId }).go({ limit: 1 });
  if (!data[0]) throw invalid('The account has no task types; name one', [{ path: 'typeId', message: 'required' }]);
  return data[0].taskTypeId;
}

/** A type named in a task must exist; checked again inside the task's transaction. */
export async function requireTaskType(caller: Caller, taskTypeId: string) {
  const { data } = await db.taskType.get({ accountId: caller.accountId, taskTypeId }).go();
  if (!data) throw unknownType();
}

const unknownType = () => invalid('No task type with this id', [{ path: 'typeId', message: 'unknown task type' }]);

/** Fails the task's transaction if its type was deleted after it was read. */
export const taskTypeStillExists = (accountId: string, taskTypeId: string): Write => ({
  item: {
    ConditionCheck: {
      ...(db.taskType.get({ accountId, taskTypeId }).params() as { TableName: string; Key: Record<string, unknown> }),
      ConditionExpression: 'attribute_exists(pk)',
    },
  },
  onFail: unknownType,
});

const openTasksKey = (taskTypeId: string) => `taskType#${taskTypeId}#open`;

type Counted = { accountId: string; typeId: string; state: 'open' | 'completed' } | null;

/** Moves a task's count between its types' open-task counters as it opens, moves or closes. */
export function openTasksOfTypeWrites(before: Counted, after: Counted): Write[] {
  const was = before?.state === 'open' ? before.typeId : null;
  const is = after?.state === 'open' ? after.typeId : null;
  if (was === is) return [];
  const accountId = (before ?? after)!.accountId;
  const bump = (typeId: string, count: number) =>
    update(
      db.counter
        .update({ accountId, key: openTasksKey(typeId) })
        .add({ count })
        .params(),
    );
  return [...(was ? [bump(was, -1)] : []), ...(is ? [bump(is, 1)] : [])];
}

/** Fails the deletion if an open task of the type exists, even one created in the same moment. */
const noOpenTasksOfType = (accountId: string, taskTypeId: string): Write => ({
  item: {
    ConditionCheck: {
      ...(db.counter.get({ accountId, key: openTasksKey(taskTypeId) }).params() as { TableName: string; Key: Record<string, unknown> }),
      ConditionExpression: 'attribute_not_exists(pk) OR #count <= :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':zero': 0 },
    },
  },
  onFail: () => conflict('Open tasks have this type; complete them or change their type first'),
});

export async function createTaskType(caller: Caller, input: z.output<typeof TaskTypeCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return taskTypes.create(caller, options, () => ({ item: newTaskTypeItem(caller, input) }));
}

export async function patchTaskType(caller: Caller, taskTypeId: string, patch: z.output<typeof TaskTypePatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return taskTypes.change(caller, taskTypeId, options, (current) => ({ next: { ...current, ...definedOnly(patch) } }));
}

export async function deleteTaskType(caller: Caller, taskTypeId: string, options?: WriteOptions) {
  requireAdmin(caller);
  await taskTypes.destroy(caller, taskTypeId, options, () => ({ writes: [noOpenTasksOfType(caller.accountId, taskTypeId)] }));
}
