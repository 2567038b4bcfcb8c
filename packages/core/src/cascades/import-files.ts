// What an import's page shows beside its progress: the file's first rows with the proposed
// mapping, the failed rows as a CSV to fix and import again, and the undo.
import { stringify } from 'csv-stringify/sync';
import type { ImportJob, ImportPreview } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { conflict } from '../errors.ts';
import { readFile } from '../files.ts';
import { now } from '../ids.ts';
import { commit, put } from '../write/write.ts';
import { FIELDS_OF, fieldLabel, proposeMapping } from '../model/import-mapping.ts';
import { fieldsOf } from '../reads/custom-fields.ts';
import { fileRows } from '../reads/import-file.ts';
import { deleteCompany } from '../services/companies.ts';
import { deleteContact } from '../services/contacts.ts';
import { readImportJob, toImportJob } from '../services/imports.ts';
import { deleteLead } from '../services/leads.ts';
import { UNDO_DAYS } from './import-run.ts';

const PREVIEW_ROWS = 10;

async function fileOf(job: { fileKey: string }) {
  const file = await readFile(job.fileKey);
  if (!file) throw conflict('The file has not been uploaded yet');
  return file;
}

export async function previewImport(caller: Caller, importId: string): Promise<ImportPreview> {
  const job = await readImportJob(caller, importId);
  const rows: string[][] = [];
  const file = await fileOf(job);
  for await (const row of fileRows(file)) {
    rows.push(row.cells);
    if (rows.length > PREVIEW_ROWS) break;
  }
  file.destroy();
  const [columns = [], ...sample] = rows;
  const custom = await fieldsOf(caller.accountId, job.entityType);
  return {
    columns,
    rows: sample,
    mapping: proposeMapping(job.entityType, columns, custom),
    fields: [
      ...FIELDS_OF[job.entityType].map((field) => ({ field, label: fieldLabel(field) })),
      ...custom.map((f) => ({ field: `custom.${f.fieldId}`, label: f.name })),
    ],
  };
}

/** The header and every failed row as it was in the file, with the reason in a last column. */
export async function failedRowsCsv(caller: Caller, importId: string): Promise<string> {
  const job = await readImportJob(caller, importId);
  const reasons = new Map((job.errors as ImportJob['errors']).map((e) => [e.row, e.message]));
  const out: string[] = [];
  for await (const row of fileRows(await fileOf(job))) {
    const reason = row.line === 1 ? 'Error' : reasons.get(row.line);
    if (reason !== undefined) out.push(stringify([[...row.cells, reason]]));
  }
  return '\uFEFF' + out.join('');
}

/** Order of the undo: leads before the contacts and companies they link to. */
const PARTS = { lead: 0, contact: 1, company: 2 } as const;

/**
 * Asks for the undo: a 202 with the job, whose worker (the `import.undo_requested` event) moves
 * the import's created records to the trash; the conditional write lets only one undo start.
 */
export async function requestImportUndo(caller: Caller, importId: string): Promise<ImportJob> {
  const job = await readImportJob(caller, importId, true);
  if (job.status === 'queued' || job.status === 'running') throw conflict('Cancel the import before undoing it');
  if (job.undoneAt || job.undoStatus) throw conflict('This import has been undone already');
  if (Date.parse(job.createdAt) < Date.now() - UNDO_DAYS * 86400_000) throw conflict(`An import can be undone for ${UNDO_DAYS} days`);
  const next = { ...job, undoStatus: 'running' as const, undoBy: caller.userId, undone: 0, updatedAt: now(), version: job.version + 1 };
  const write = db.importJob.put(next).where((a, op) => op.eq(a.version, job.version));
  const answer = toImportJob(next);
  await commit({
    caller,
    writes: [put(write.params(), () => conflict('This import changed meanwhile; try again'))],
    events: [{ type: 'import.undo_requested', entity: { type: 'import', id: importId }, data: { import: answer } }],
  });
  return answer;
}

/** Progress is saved every this many records. */
const UNDO_STEP = 25;

/**
 * The worker's undo: the import's created records (found by its Idempotency-Keys) to the trash,
 * leads before the contacts and companies they link to. A rerun after a crash deletes again what
 * is left (a record already in the trash answers 404 and is passed over).
 */
export async function runImportUndo(accountId: string, importId: string) {
  const job = await readImportJob({ accountId }, importId, true);
  if (job.undoStatus !== 'running' || !job.undoBy) return;
  const { data: user } = await db.user.get({ accountId, userId: job.undoBy }).go();
  const caller: Caller = { accountId, userId: job.undoBy, role: user?.role ?? 'manager', groupId: user?.groupId ?? null };
  const { data } = await db.idempotency.query
    .byKey({ accountId })
    .begins({ key: `import#${importId}#` })
    .go({ pages: 'all' });
  const records = data
    .map((r) => ({ part: r.key.split('#').at(-1) as keyof typeof PARTS, id: (r.result as { id?: string } | undefined)?.id }))
    .filter((r): r is { part: keyof typeof PARTS; id: string } => r.part in PARTS && !!r.id)
    .sort((a, b) => PARTS[a.part] - PARTS[b.part]);
  const remove = { lead: deleteLead, contact: deleteContact, company: deleteCompany };
  const progress = (set: Record<string, unknown>) =>
    db.importJob
      .patch({ accountId, importId })
      .set({ updatedAt: now(), ...set })
      .go();
  for (const [i, r] of records.entries()) {
    // One already deleted by hand (404) is in the trash or gone: nothing left to do for it.
    await remove[r.part](caller, r.id).catch((err: { kind?: string }) => {
      if (err.kind !== 'not_found') throw err;
    });
    if ((i + 1) % UNDO_STEP === 0) await progress({ undone: i + 1 });
  }
  await progress({ undone: records.length, undoStatus: 'done', undoneAt: now() });
}
