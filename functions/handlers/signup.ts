// Sign-up (public): a new account with its first admin.
import { signup } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

export const handler = defineResource('signup', {
  'POST /api/v1/signup': async ({ body }) => new Reply({ status: 201, body: await signup(body), headers: { location: '/api/v1/me' } }),
});
