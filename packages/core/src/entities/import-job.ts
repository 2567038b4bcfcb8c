// An import of a file: its settings, where its file lies, and its progress. The checkpoint
// (`rowsDone`) moves only together with the counters, so a worker that dies resumes exactly.
import { defineEntity } from './define.ts';
// The record kinds (an import fills one): plain data, where the import schemas are not built.
import { RECORD_KINDS } from '@crm/contract/endpoints';
import { SERVICE, baseAttributes } from './base.ts';

export const ImportJobEntity = defineEntity({
  model: { entity: 'importJob', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    importId: { type: 'string', required: true, readOnly: true },
    entityType: { type: RECORD_KINDS, required: true, readOnly: true },
    fileName: { type: 'string', required: true },
    fileKey: { type: 'string', required: true },
    status: { type: ['queued', 'running', 'done', 'failed', 'cancelled'] as const, required: true },
    mapping: { type: 'any', required: true },
    onDuplicate: { type: ['update', 'skip', 'create'] as const, required: true },
    createMissing: { type: 'boolean', required: true },
    uploaded: { type: 'boolean', required: true },
    total: { type: 'number' },
    /** Data rows done (created, updated, skipped or failed), in file order: where a resumed worker goes on. */
    rowsDone: { type: 'number', required: true },
    created: { type: 'number', required: true },
    updated: { type: 'number', required: true },
    skipped: { type: 'number', required: true },
    failed: { type: 'number', required: true },
    errors: { type: 'any', required: true },
    /** When a worker first took it: the moment every record of the import is stamped with, so that a rerun writes the same items. */
    startedAt: { type: 'string' },
    /** Until when the worker that runs it holds it; another waits. */
    leaseUntil: { type: 'number' },
    cancelRequested: { type: 'boolean' },
    finishedAt: { type: 'string' },
    undoneAt: { type: 'string' },
    /** The undo after its 202: who asked (its deletes act as them), how far it is. */
    undoStatus: { type: ['running', 'done'] as const },
    undoBy: { type: 'string' },
    undone: { type: 'number' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['importId'] } },
  },
});
