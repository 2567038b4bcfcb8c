// Task types: everyone reads them; admins add, rename and delete.
import { createTaskType, deleteTaskType, getTaskType, listTaskTypes, patchTaskType } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('task-types', {
  'GET /api/v1/task-types': async ({ caller, query }) => listTaskTypes(caller, query),
  'POST /api/v1/task-types': async ({ caller, body, options }) => createTaskType(caller, body, options),
  'GET /api/v1/task-types/{id}': async ({ caller, params }) => getTaskType(caller, params.id),
  'PATCH /api/v1/task-types/{id}': async ({ caller, params, body, options }) => patchTaskType(caller, params.id, body, options),
  'DELETE /api/v1/task-types/{id}': async ({ caller, params, options }) => deleteTaskType(caller, params.id, options),
});
