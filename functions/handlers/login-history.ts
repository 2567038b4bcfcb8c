// Login history (admin): the account's sign-ins, newest first, by user and period.
import { listLoginHistory } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('login-history', {
  'GET /api/v1/login-history': async ({ caller, query }) => listLoginHistory(caller, query),
});
