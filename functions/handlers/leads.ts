// Leads (deals).
import { createLead, deleteLead, getLead, listLeads, patchLead } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('leads', {
  'GET /api/v1/leads': async ({ caller, query }) => listLeads(caller, query),
  'POST /api/v1/leads': async ({ caller, body, options }) => createLead(caller, body, options),
  'GET /api/v1/leads/{id}': async ({ caller, params }) => getLead(caller, params.id),
  'PATCH /api/v1/leads/{id}': async ({ caller, params, body, options }) => patchLead(caller, params.id, body, options),
  'DELETE /api/v1/leads/{id}': async ({ caller, params, options }) => deleteLead(caller, params.id, options),
});
