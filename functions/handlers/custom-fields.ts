// Custom fields of leads, contacts and companies (admins define them; everyone reads them).
import { createCustomField, deleteCustomField, getCustomField, listCustomFields, patchCustomField } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('custom-fields', {
  'GET /api/v1/custom-fields': async ({ caller, query }) => listCustomFields(caller, query),
  'POST /api/v1/custom-fields': async ({ caller, body, options }) => createCustomField(caller, body, options),
  'GET /api/v1/custom-fields/{id}': async ({ caller, params }) => getCustomField(caller, params.id),
  'PATCH /api/v1/custom-fields/{id}': async ({ caller, params, body, options }) => patchCustomField(caller, params.id, body, options),
  'DELETE /api/v1/custom-fields/{id}': async ({ caller, params, options }) => deleteCustomField(caller, params.id, options),
});
