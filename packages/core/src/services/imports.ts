// Import jobs: open one (a small CSV inline, or a bigger file through a pre-signed upload),
// start it, watch it, cancel it. The rows are written by the worker (cascades/import-run.ts),
// which the job's `import.started` event wakes on the bus.
import type { EntityItem } from 'electrodb';
import type { ImportCreate, ImportJob, ImportListQuery, ImportStart } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { ImportJobEntity } from '../entities/import-job.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { fileKeyOf, putFile, readFile, uploadUrl } from '../files.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { scopeOf } from '../rights.ts';
import { commit, put, type EventDraft } from '../write/write.ts';

export type ImportJobItem = EntityItem<typeof ImportJobEntity>;

export const toImportJob = (j: ImportJobItem): ImportJob => ({
  id: j.importId,
  entityType: j.entityType,
  fileName: j.fileName,
  status: j.status,
  total: j.total ?? null,
  processed: j.rowsDone,
  created: j.created,
  updated: j.updated,
  skipped: j.skipped,
  failed: j.failed,
  errors: j.errors as ImportJob['errors'],
  mapping: j.mapping as ImportJob['mapping'],
  onDuplicate: j.onDuplicate,
  createMissing: j.createMissing,
  createdAt: j.createdAt,
  createdBy: j.createdBy,
  finishedAt: j.finishedAt ?? null,
  undoneAt: j.undoneAt ?? null,
  undoStatus: j.undoStatus ?? null,
  undone: j.undone ?? 0,
});

export async function readImportJob(caller: Pick<Caller, 'accountId'>, importId: string, consistent = false) {
  const { data } = await db.importJob.get({ accountId: caller.accountId, importId }).go({ consistent });
  if (!data) throw notFound('Import');
  return data;
}

export const getImport = async (caller: Caller, importId: string) => toImportJob(await readImportJob(caller, importId));

export async function listImports(caller: Caller, query: ImportListQuery) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf(
    (o) => db.importJob.query.byId({ accountId: caller.accountId }).go({ ...o, order: 'desc' }),
    { limit: query.limit, cursor },
    toImportJob,
  );
}

/** Importing writes records: the caller needs some edit right on the file's kind. */
function requireImportRight(caller: Caller, entityType: ImportJob['entityType']) {
  if (scopeOf(caller, entityType, 'edit') === 'none') throw forbidden('You may not add these records');
}

const started = (job: ImportJobItem): EventDraft => ({
  type: 'import.started',
  entity: { type: 'import', id: job.importId },
  data: { import: toImportJob(job) },
});

export async function createImport(caller: Caller, input: ImportCreate): Promise<ImportJob> {
  requireImportRight(caller, input.entityType);
  const importId = newId();
  const fileKey = fileKeyOf(caller.accountId, 'imports', importId);
  const inline = 'csv' in input;
  const at = now();
  const job: ImportJobItem = {
    accountId: caller.accountId,
    importId,
    entityType: input.entityType,
    fileName: inline ? 'import.csv' : input.fileName,
    fileKey,
    status: 'queued',
    mapping: input.mapping ?? {},
    onDuplicate: input.onDuplicate,
    createMissing: input.createMissing,
    uploaded: inline,
    rowsDone: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    failed: 0,
    errors: [],
    createdAt: at,
    updatedAt: at,
    createdBy: caller.userId,
    version: 1,
  };
  // The file is in place before the job that points to it, so the worker always finds it.
  if (inline) await putFile(fileKey, input.csv, 'text/csv; charset=utf-8');
  await commit({ caller, writes: [put(db.importJob.create(job).params())], events: inline ? [started(job)] : [] });
  return inline ? toImportJob(job) : { ...toImportJob(job), uploadUrl: await uploadUrl(fileKey) };
}

/** After the upload: the settings the user chose on the mapping page, and off it goes. */
export async function startImport(caller: Caller, importId: string, input: ImportStart): Promise<ImportJob> {
  const current = await readImportJob(caller, importId, true);
  if (current.status !== 'queued' || current.uploaded) throw conflict('This import has started already');
  const file = await readFile(current.fileKey);
  if (!file) throw conflict('The file has not been uploaded yet');
  file.destroy();
  const job: ImportJobItem = {
    ...current,
    uploaded: true,
    mapping: input.mapping ?? current.mapping,
    onDuplicate: input.onDuplicate,
    createMissing: input.createMissing,
    updatedAt: now(),
    version: current.version + 1,
  };
  const write = put(
    db.importJob
      .put(job)
      .where((a, op) => op.eq(a.version, current.version))
      .params(),
    () => conflict('This import has started already'),
  );
  await commit({ caller, writes: [write], events: [started(job)] });
  return toImportJob(job);
}

/** Asks the worker to stop after the chunk it is writing; a queued import stops at once. */
export async function cancelImport(caller: Caller, importId: string): Promise<ImportJob> {
  const current = await readImportJob(caller, importId, true);
  if (current.status !== 'queued' && current.status !== 'running') throw conflict('This import is not running');
  const queued = current.status === 'queued' && !current.uploaded;
  const { data } = await db.importJob
    .patch({ accountId: caller.accountId, importId })
    .set({ cancelRequested: true, updatedAt: now(), ...(queued && { status: 'cancelled', finishedAt: now() }) })
    .go({ response: 'all_new' });
  return toImportJob(data as ImportJobItem);
}
