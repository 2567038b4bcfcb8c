// API keys (admin): create (the key shown once), list without secrets, revoke.
import { createApiKey, listApiKeys, revokeApiKey } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('api-keys', {
  'GET /api/v1/api-keys': async ({ caller, query }) => listApiKeys(caller, query),
  'POST /api/v1/api-keys': async ({ caller, body }) => createApiKey(caller, body),
  'DELETE /api/v1/api-keys/{id}': async ({ caller, params }) => revokeApiKey(caller, params.id),
});
