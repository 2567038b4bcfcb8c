import type { GroupOperations } from '../operation-groups.ts';

export default {
  openapi: { summary: 'This document' },
} as const satisfies GroupOperations<'openapi'>;
