// Stage automations (admin): list by pipeline, create, get, change with If-Match, delete.
import { createAutomation, deleteAutomation, getAutomation, listAutomations, patchAutomation } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('automations', {
  'GET /api/v1/automations': async ({ caller, query }) => listAutomations(caller, query),
  'POST /api/v1/automations': async ({ caller, body }) => createAutomation(caller, body),
  'GET /api/v1/automations/{id}': async ({ caller, params }) => getAutomation(caller, params.id),
  'PATCH /api/v1/automations/{id}': async ({ caller, params, body, options }) => patchAutomation(caller, params.id, body, options),
  'DELETE /api/v1/automations/{id}': async ({ caller, params, options }) => deleteAutomation(caller, params.id, options),
});
