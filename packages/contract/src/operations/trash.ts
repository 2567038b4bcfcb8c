import { page } from '../common.ts';
import { Restored, TrashItem, TrashListQuery } from '../trash.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'trash.list': { summary: 'Deleted leads, contacts and companies, newest first', query: TrashListQuery, response: page(TrashItem) },
  'trash.restore': { summary: 'Restore a lead, contact or company with its links', response: Restored },
} as const satisfies GroupOperations<'trash'>;
