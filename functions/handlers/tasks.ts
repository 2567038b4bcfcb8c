// Tasks: list, create, change or reschedule, complete, delete.
import { completeTask, createTask, deleteTask, getTask, listTasks, patchTask } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('tasks', {
  'GET /api/v1/tasks': async ({ caller, query }) => listTasks(caller, query),
  'POST /api/v1/tasks': async ({ caller, body, options }) => createTask(caller, body, options),
  'GET /api/v1/tasks/{id}': async ({ caller, params }) => getTask(caller, params.id),
  'PATCH /api/v1/tasks/{id}': async ({ caller, params, body, options }) => patchTask(caller, params.id, body, options),
  'DELETE /api/v1/tasks/{id}': async ({ caller, params, options }) => deleteTask(caller, params.id, options),
  'POST /api/v1/tasks/{id}/complete': async ({ caller, params, body, options }) => completeTask(caller, params.id, body, options),
});
