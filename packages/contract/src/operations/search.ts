import { SearchQuery, SearchResult } from '../search.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  search: {
    summary: 'Leads, contacts and companies by name prefix, phone digits or e-mail',
    query: SearchQuery,
    response: SearchResult,
  },
} as const satisfies GroupOperations<'search'>;
