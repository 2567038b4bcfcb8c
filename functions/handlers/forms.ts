// Web forms: the admin's forms (create with a public key, change, delete). Their public side
// is handlers/form-inbound.ts: a Lambda never mixes public and token-checked routes.
import { createForm, deleteForm, getForm, listForms, patchForm } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('forms', {
  'GET /api/v1/forms': async ({ caller, query }) => listForms(caller, query),
  'POST /api/v1/forms': async ({ caller, body, options }) => createForm(caller, body, options),
  'GET /api/v1/forms/{id}': async ({ caller, params }) => getForm(caller, params.id),
  'PATCH /api/v1/forms/{id}': async ({ caller, params, body, options }) => patchForm(caller, params.id, body, options),
  'DELETE /api/v1/forms/{id}': async ({ caller, params, options }) => deleteForm(caller, params.id, options),
});
