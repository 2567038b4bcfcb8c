// Web forms: the admin's forms (create with a public key, change, delete) and their public
// side: the post (202, or 429 with Retry-After), the form's fields and its hosted page.
import { hostedFormPage } from '@crm/contract';
import { createForm, deleteForm, getForm, getPublicForm, listForms, patchForm, submitForm } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

/** A form is posted from the customer's own site: any origin may send it and read the answer. */
const ANY_ORIGIN = { 'access-control-allow-origin': '*' };

export const handler = defineResource('forms', {
  'GET /api/v1/forms': async ({ caller, query }) => listForms(caller, query),
  'POST /api/v1/forms': async ({ caller, body, options }) => createForm(caller, body, options),
  'GET /api/v1/forms/{id}': async ({ caller, params }) => getForm(caller, params.id),
  'PATCH /api/v1/forms/{id}': async ({ caller, params, body, options }) => patchForm(caller, params.id, body, options),
  'DELETE /api/v1/forms/{id}': async ({ caller, params, options }) => deleteForm(caller, params.id, options),
  'POST /api/v1/inbound/forms/{formKey}': async ({ params, body, ip }) => {
    // A dropped bot post gets the same answer as a person's.
    const { received, thankYou } = await submitForm(params.formKey, body, ip);
    return new Reply({ status: 202, body: { received, thankYou }, headers: ANY_ORIGIN });
  },
  'GET /api/v1/inbound/forms/{formKey}': async ({ params }) =>
    new Reply({ body: await getPublicForm(params.formKey), headers: ANY_ORIGIN }),
  'GET /api/v1/inbound/forms/{formKey}/page': async ({ params }) => {
    const form = await getPublicForm(params.formKey);
    // Served from the API's own origin: the page posts to a path, wherever it is deployed.
    return new Reply({
      raw: hostedFormPage({ formKey: params.formKey, ...form }, ''),
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  },
});
