// Quick search over leads, contacts and companies.
import { search } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('search', {
  'GET /api/v1/search': async ({ caller, query }) => search(caller, query),
});
