// Exports: any list with its filters as a file; a big one as a link to it in the files bucket.
import { exportList } from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

export const handler = defineResource('exports', {
  'GET /api/v1/exports': async ({ caller, query }) => {
    const file = await exportList(caller, query);
    if ('url' in file) return new Reply({ status: 303, headers: { location: file.url }, raw: '' });
    return new Reply({
      raw: file.csv,
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file.fileName}"` },
    });
  },
});
