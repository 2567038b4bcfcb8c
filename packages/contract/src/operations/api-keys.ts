import { ApiKey, ApiKeyCreate, ApiKeyListQuery, CreatedApiKey } from '../api-keys.ts';
import { page } from '../common.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'apiKeys.list': { summary: 'API keys, without their secrets (admin)', query: ApiKeyListQuery, response: page(ApiKey) },
  'apiKeys.create': { summary: 'Create an API key, shown once (admin)', body: ApiKeyCreate, response: CreatedApiKey, status: 201 },
  'apiKeys.delete': { summary: 'Revoke an API key at once (admin)', status: 204 },
} as const satisfies GroupOperations<'apiKeys'>;
