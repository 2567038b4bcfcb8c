// The public side of web forms, no token (the form key in the path names the account): the
// post (202, or 429 with Retry-After), the form's fields and its hosted page.
import { hostedFormPage } from '@crm/contract/form-snippet';
import { getPublicForm, submitForm } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

/** A form is posted from the customer's own site: any origin may send it and read the answer. */
const ANY_ORIGIN = { 'access-control-allow-origin': '*' };

export const handler = defineResource('form-inbound', {
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
