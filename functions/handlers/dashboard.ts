// The desktop's figures.
import { dashboard } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('dashboard', {
  'GET /api/v1/dashboard': async ({ caller }) => dashboard(caller),
});
