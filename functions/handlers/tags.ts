// Tags in use per collection, with how many records carry each.
import { listTags } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('tags', {
  'GET /api/v1/tags': async ({ caller, query }) => listTags(caller, query),
});
