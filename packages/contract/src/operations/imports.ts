import { page } from '../common.ts';
import { ImportCreate, ImportJob, ImportListQuery, ImportPreview, ImportStart } from '../imports.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'imports.list': { summary: 'Recent imports, newest first', query: ImportListQuery, response: page(ImportJob) },
  'imports.create': {
    summary: 'Import a small CSV at once, or open an import of a bigger file (answers its uploadUrl)',
    body: ImportCreate,
    response: ImportJob,
    status: 201,
  },
  'imports.get': { summary: 'An import and its progress', response: ImportJob },
  'imports.preview': { summary: "The uploaded file's columns, first rows and proposed mapping", response: ImportPreview },
  'imports.start': { summary: 'Start an import after its upload', body: ImportStart, response: ImportJob },
  'imports.cancel': { summary: 'Stop an import (what is in stays)', response: ImportJob },
  'imports.undo': {
    summary:
      "Move an import's records to the trash (within 7 days), in the background (202; the job's undoStatus and undone show progress)",
    response: ImportJob,
    status: 202,
  },
  'imports.failedRows': { summary: 'The failed rows as CSV, to fix and import again', produces: 'text/csv' },
} as const satisfies GroupOperations<'imports'>;
