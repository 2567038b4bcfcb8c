import { page } from '../common.ts';
import { TaskType, TaskTypeCreate, TaskTypeListQuery, TaskTypePatch } from '../tasks.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'taskTypes.list': { summary: 'List task types', query: TaskTypeListQuery, response: page(TaskType) },
  'taskTypes.create': { summary: 'Add a task type (admin)', body: TaskTypeCreate, response: TaskType, status: 201 },
  'taskTypes.get': { summary: 'Get a task type', response: TaskType },
  'taskTypes.patch': { summary: 'Rename or recolour a task type (admin)', body: TaskTypePatch, response: TaskType },
  'taskTypes.delete': { summary: 'Delete a task type no open task uses (admin; 409 otherwise)', status: 204 },
} as const satisfies GroupOperations<'taskTypes'>;
