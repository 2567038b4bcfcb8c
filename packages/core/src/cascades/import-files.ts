// What an import's page shows beside its progress: the file's first rows with the proposed
// mapping, the failed rows as a CSV to fix and import again, and the undo.
import { stringify } from 'csv-stringify/sync';
import { type ImportJob, type ImportPreview } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { conflict } from '../errors.ts';
import { readFile } from '../files.ts';
import { now } from '../ids.ts';
import { FIELDS_OF, fieldLabel, proposeMapping } from '../model/import-mapping.ts';
import { fieldsOf } from '../reads/custom-fields.ts';
import { csvRows } from '../reads/import-file.ts';
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
  for await (const row of csvRows(file)) {
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
  for await (const row of csvRows(await fileOf(job))) {
    const reason = row.line === 1 ? 'Error' : reasons.get(row.line);
    if (reason !== undefined) out.push(stringify([[...row.cells, reason]]));
  }
  return '\uFEFF' + out.join('');
}

/** Order of the undo: leads before the contacts and companies they link to. */
const PARTS = { lead: 0, contact: 1, company: 2 } as const;

/** The import's created records go to the trash (updated ones stay as they are now). */
export async function undoImport(caller: Caller, importId: string): Promise<ImportJob> {
  const job = await readImportJob(caller, importId, true);
  if (job.status === 'queued' || job.status === 'running') throw conflict('Cancel the import before undoing it');
  if (job.undoneAt) throw conflict('This import has been undone already');
  if (Date.parse(job.createdAt) < Date.now() - UNDO_DAYS * 86400_000) throw conflict(`An import can be undone for ${UNDO_DAYS} days`);
  const { data } = await db.idempotency.query
    .byKey({ accountId: caller.accountId })
    .begins({ key: `import#${importId}#` })
    .go({ pages: 'all' });
  const records = data
    .map((r) => ({ part: r.key.split('#').at(-1) as keyof typeof PARTS, id: (r.result as { id?: string } | undefined)?.id }))
    .filter((r): r is { part: keyof typeof PARTS; id: string } => r.part in PARTS && !!r.id)
    .sort((a, b) => PARTS[a.part] - PARTS[b.part]);
  const remove = { lead: deleteLead, contact: deleteContact, company: deleteCompany };
  for (const r of records) {
    // One already deleted by hand (404) is in the trash or gone: nothing left to do for it.
    await remove[r.part](caller, r.id).catch((err: { kind?: string }) => {
      if (err.kind !== 'not_found') throw err;
    });
  }
  const { data: undone } = await db.importJob
    .patch({ accountId: caller.accountId, importId })
    .set({ undoneAt: now(), updatedAt: now() })
    .go({ response: 'all_new' });
  return toImportJob(undone as never);
}
