// Tasks (calls, meetings, follow-ups...) with a due time, a responsible user and an optional
// linked lead, contact or company; and the account's task types.
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Name, orderedRange, Timestamp } from './common.ts';
import { Color } from './pipelines.ts';
import { text } from './text.ts';

/** What a task, a note or a timeline can belong to. */
export const RecordType = z.enum(['lead', 'contact', 'company']);
export type RecordType = z.infer<typeof RecordType>;
export const RecordRef = z.object({ type: RecordType, id: Id });
export type RecordRef = z.infer<typeof RecordRef>;

export const Task = EntityBase.extend({
  text: z.string(),
  typeId: Id,
  dueAt: Timestamp,
  responsibleUserId: Id,
  /** `name` is filled in lists, so a task row can say what it is about without another request. */
  entity: RecordRef.extend({ name: z.string().optional() }).nullable(),
  completedAt: Timestamp.nullable(),
  result: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

const TaskText = text({ min: 1, max: 5000, multiline: true });

export const TaskCreate = z.strictObject({
  text: TaskText,
  /** The account's first task type when absent. */
  typeId: Id.optional(),
  dueAt: Timestamp,
  /** The caller when absent. */
  responsibleUserId: Id.optional(),
  entity: z.strictObject({ type: RecordType, id: Id }).nullable().optional(),
});

/** Rescheduling is a PATCH of `dueAt`; `entity: null` unlinks the task. */
export const TaskPatch = z.strictObject({
  text: TaskText.optional(),
  typeId: Id.optional(),
  dueAt: Timestamp.optional(),
  responsibleUserId: Id.optional(),
  entity: z.strictObject({ type: RecordType, id: Id }).nullable().optional(),
});

export const TaskComplete = z.strictObject({ result: text({ max: 5000, multiline: true }).optional() });

export const TaskStatus = z.enum(['open', 'completed', 'overdue']);

export const TaskListQuery = ListQuery.extend({
  responsibleUserId: Id.optional(),
  /** `overdue` = open and due before now. */
  status: TaskStatus.optional(),
  dueFrom: Timestamp.optional(),
  dueTo: Timestamp.optional(),
  entityType: RecordType.optional(),
  entityId: Id.optional(),
}).refine(...orderedRange('dueFrom', 'dueTo'));
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** A task's reminder schedule puts this on the bus when the task falls due. */
export const TASK_REMINDER = { source: 'crm.scheduler', detailType: 'task.reminder' } as const;
export const TaskReminder = z.object({ accountId: Id, taskId: Id, dueAt: Timestamp });
export type TaskReminder = z.infer<typeof TaskReminder>;

export const TaskType = EntityBase.extend({ name: z.string(), color: z.string() });
export type TaskType = z.infer<typeof TaskType>;

export const TaskTypeCreate = z.strictObject({ name: Name.max(100), color: Color.default('#99ccff') });
export const TaskTypePatch = z.strictObject({ name: Name.max(100).optional(), color: Color.optional() });
export const TaskTypeListQuery = ListQuery;
