// Tasks and task types. Each task list reads one index whose sort key starts with the
// task's state, so open and completed tasks are separate ranges ordered by due time.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes, gsi } from './base.ts';
import { onTimeline, recordAttributes } from './note.ts';

const byDue = ['state', 'dueAt', 'taskId'] as const;

export const TaskEntity = defineEntity({
  model: { entity: 'task', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    taskId: { type: 'string', required: true, readOnly: true },
    text: { type: 'string', required: true },
    typeId: { type: 'string', required: true },
    /** Always `Date#toISOString()`, so that string order is time order. */
    dueAt: { type: 'string', required: true },
    responsibleUserId: { type: 'string', required: true },
    ...recordAttributes,
    state: { type: ['open', 'completed'] as const, required: true },
    completedAt: { type: 'string' },
    result: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['taskId'] } },
    timeline: onTimeline('taskId'),
    byDue: gsi(2, ['accountId'], byDue),
    byResponsible: gsi(3, ['accountId', 'responsibleUserId'], byDue),
    byRecord: gsi(4, ['accountId', 'entityType', 'entityId'], byDue),
  },
});

export const TaskTypeEntity = defineEntity({
  model: { entity: 'taskType', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    taskTypeId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    color: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['taskTypeId'] } },
  },
});
