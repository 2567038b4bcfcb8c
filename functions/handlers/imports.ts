// Imports: open, upload, preview, start, watch, cancel, undo, and the failed rows.
import {
  cancelImport,
  createImport,
  failedRowsCsv,
  getImport,
  listImports,
  previewImport,
  startImport,
  requestImportUndo,
} from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

export const handler = defineResource('imports', {
  'GET /api/v1/imports': async ({ caller, query }) => listImports(caller, query),
  'POST /api/v1/imports': async ({ caller, body }) => createImport(caller, body),
  'GET /api/v1/imports/{id}': async ({ caller, params }) => getImport(caller, params.id),
  'GET /api/v1/imports/{id}/preview': async ({ caller, params }) => previewImport(caller, params.id),
  'POST /api/v1/imports/{id}/start': async ({ caller, params, body }) => startImport(caller, params.id, body),
  'POST /api/v1/imports/{id}/cancel': async ({ caller, params }) => cancelImport(caller, params.id),
  'POST /api/v1/imports/{id}/undo': async ({ caller, params }) => requestImportUndo(caller, params.id),
  'GET /api/v1/imports/{id}/failed-rows': async ({ caller, params }) =>
    new Reply({
      raw: await failedRowsCsv(caller, params.id),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="failed-rows-${params.id}.csv"` },
    }),
});
