// Usage (admin): this month's users, records and API requests, with an AWS cost estimate.
import { getUsage } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('usage', {
  'GET /api/v1/usage': async ({ caller }) => getUsage(caller),
});
