import { Usage } from '../settings.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  usage: { summary: "This month's users, records and API requests, with an AWS cost estimate (admin)", response: Usage },
} as const satisfies GroupOperations<'usage'>;
