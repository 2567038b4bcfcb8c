// The trash: deleted leads, contacts and companies, and putting them back.
import { TrashTypeParam } from '@crm/contract/trash';
import { notFound, listTrash, restoreFromTrash } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('trash', {
  'GET /api/v1/trash': async ({ caller, query }) => listTrash(caller, query),
  'POST /api/v1/trash/{entityType}/{id}/restore': async ({ caller, params, options }) => {
    const entityType = TrashTypeParam.safeParse(params.entityType);
    if (!entityType.success) throw notFound('Trash item');
    return restoreFromTrash(caller, entityType.data, params.id, options);
  },
});
