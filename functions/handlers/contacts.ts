// Contacts, and the leads they are on.
import { createContact, deleteContact, getContact, listContactLeads, listContacts, patchContact } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('contacts', {
  'GET /api/v1/contacts': async ({ caller, query }) => listContacts(caller, query),
  'POST /api/v1/contacts': async ({ caller, query, body, options }) => createContact(caller, body, query, options),
  'GET /api/v1/contacts/{id}': async ({ caller, params }) => getContact(caller, params.id),
  'PATCH /api/v1/contacts/{id}': async ({ caller, params, query, body, options }) => patchContact(caller, params.id, body, query, options),
  'DELETE /api/v1/contacts/{id}': async ({ caller, params, options }) => deleteContact(caller, params.id, options),
  'GET /api/v1/contacts/{id}/leads': async ({ caller, params, query }) => listContactLeads(caller, params.id, query),
});
