// The caller and their account.
import { me } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('me', {
  'GET /api/v1/me': async ({ caller }) => me(caller),
});
