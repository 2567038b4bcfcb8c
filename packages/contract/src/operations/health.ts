import * as z from 'zod';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  health: { summary: 'Liveness', response: z.object({ status: z.literal('ok') }) },
} as const satisfies GroupOperations<'health'>;
