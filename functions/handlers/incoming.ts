// Incoming requests: the list with the count of new ones, accept (201 with the lead), attach to a lead, decline.
import { acceptIncoming, attachIncoming, declineIncoming, getIncoming, listIncoming } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('incoming', {
  'GET /api/v1/incoming': async ({ caller, query }) => listIncoming(caller, query),
  'GET /api/v1/incoming/{id}': async ({ caller, params }) => getIncoming(caller, params.id),
  'POST /api/v1/incoming/{id}/accept': async ({ caller, params, body }) => acceptIncoming(caller, params.id, body),
  'POST /api/v1/incoming/{id}/attach': async ({ caller, params, body }) => attachIncoming(caller, params.id, body),
  'POST /api/v1/incoming/{id}/decline': async ({ caller, params }) => declineIncoming(caller, params.id),
});
