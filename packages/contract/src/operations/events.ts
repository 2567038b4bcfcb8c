import { page } from '../common.ts';
import { CrmEvent, EventListQuery } from '../events.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'events.list': { summary: 'The event log', query: EventListQuery, response: page(CrmEvent) },
} as const satisfies GroupOperations<'events'>;
