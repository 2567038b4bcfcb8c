// Companies, and their contacts and leads.
import { createCompany, deleteCompany, getCompany, listCompanies, listCompanyContacts, listCompanyLeads, patchCompany } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('companies', {
  'GET /api/v1/companies': async ({ caller, query }) => listCompanies(caller, query),
  'POST /api/v1/companies': async ({ caller, body, options }) => createCompany(caller, body, options),
  'GET /api/v1/companies/{id}': async ({ caller, params }) => getCompany(caller, params.id),
  'PATCH /api/v1/companies/{id}': async ({ caller, params, body, options }) => patchCompany(caller, params.id, body, options),
  'DELETE /api/v1/companies/{id}': async ({ caller, params, options }) => deleteCompany(caller, params.id, options),
  'GET /api/v1/companies/{id}/contacts': async ({ caller, params, query }) => listCompanyContacts(caller, params.id, query),
  'GET /api/v1/companies/{id}/leads': async ({ caller, params, query }) => listCompanyLeads(caller, params.id, query),
});
