import { Dashboard } from '../dashboard.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  dashboard: { summary: 'Open deals, due tasks, new leads, latest events', response: Dashboard },
} as const satisfies GroupOperations<'dashboard'>;
