import { page } from '../common.ts';
import { Task, TaskComplete, TaskCreate, TaskListQuery, TaskPatch } from '../tasks.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'tasks.list': {
    summary: 'List tasks by status (open, completed, overdue), due range, responsible or linked record',
    query: TaskListQuery,
    response: page(Task),
  },
  'tasks.create': { summary: 'Create a task', body: TaskCreate, response: Task, status: 201 },
  'tasks.get': { summary: 'Get a task', response: Task },
  'tasks.patch': { summary: 'Change or reschedule a task', body: TaskPatch, response: Task },
  'tasks.delete': { summary: 'Delete a task', status: 204 },
  'tasks.complete': { summary: 'Complete a task with a result', body: TaskComplete, response: Task },
} as const satisfies GroupOperations<'tasks'>;
