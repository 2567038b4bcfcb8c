// Liveness of the API (public).
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('health', {
  'GET /api/v1/health': async () => ({ status: 'ok' as const }),
});
