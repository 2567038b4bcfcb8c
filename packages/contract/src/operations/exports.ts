import { ExportQuery } from '../imports.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'exports.download': { summary: 'A list with its filters as CSV or XLSX', query: ExportQuery, produces: 'text/csv' },
} as const satisfies GroupOperations<'exports'>;
