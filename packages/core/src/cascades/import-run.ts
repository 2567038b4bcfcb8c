// The import worker: reads the job's file as a stream and writes its rows through the same
// services as a record typed in by hand (events, counters, search terms), a chunk at a time.
// After each chunk the counters and the checkpoint move together in one conditional update, and
// each record is created with an Idempotency-Key made of the job and the row: a worker that dies
// mid-chunk is resumed from the checkpoint, and the rows it had written are replayed, not doubled.
import { CompanyCreate, ContactCreate, LeadCreate, type ImportField, type ImportMapping, type Pipeline } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { DomainError } from '../errors.ts';
import { readFile } from '../files.ts';
import { now } from '../ids.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';
import { parseAmount, proposeMapping, splitList } from '../model/import-mapping.ts';
import { fieldsOf } from '../reads/custom-fields.ts';
import { fileRows, type FileRow } from '../reads/import-file.ts';
import { sharingReads } from '../read-memo.ts';
import { inOneTransaction } from '../write/write.ts';
import { fold } from '../text.ts';
import { createCompany, patchCompany } from '../services/companies.ts';
import { createContact, getContact, patchContact } from '../services/contacts.ts';
import { readImportJob, type ImportJobItem } from '../services/imports.ts';
import { createLead } from '../services/leads.ts';
import { addNote } from '../services/notes.ts';
import { addStage, allPipelines } from '../services/pipelines.ts';

/** Rows per checkpoint. */
const CHUNK = 100;
/** Rows of a chunk written at once. */
const PARALLEL = 8;
/** A worker holds its job this long past its last checkpoint; a dead one's job is free again after it. */
const LEASE_MS = 60_000;
/** The errors the job item keeps (the failed-rows CSV is built from them). */
const MAX_ERRORS = 1000;
/** An import's records are found by their Idempotency-Keys for its undo: kept as long as the undo is offered. */
export const UNDO_DAYS = 7;

/** Another worker holds the job: the event is delivered again later. */
export class ImportBusy extends Error {}

type Outcome = 'created' | 'updated' | 'skipped' | { failed: string };

export interface RunOptions {
  /** Stops the run between rows, without a checkpoint for the chunk under way (as a killed worker would). */
  signal?: AbortSignal;
}

/** Runs (or resumes) an import to its end, its cancel, or the signal. */
export async function runImport(accountId: string, importId: string, opts: RunOptions = {}) {
  const job = await readImportJob({ accountId }, importId, true);
  if (!job.uploaded || (job.status !== 'queued' && job.status !== 'running')) return;
  // A job a worker took before (its status says running, or rows are done) is resumed.
  const resumed = job.status === 'running' || job.rowsDone > 0;
  await takeLease(job);
  try {
    await run(job, resumed, opts);
  } finally {
    await db.importJob
      .patch({ accountId, importId })
      .remove(['leaseUntil'])
      .go()
      .catch(() => undefined);
  }
}

async function takeLease(job: ImportJobItem) {
  try {
    await db.importJob
      .patch({ accountId: job.accountId, importId: job.importId })
      .set({ leaseUntil: Date.now() + LEASE_MS, status: 'running' })
      .where((a, op) => `(${op.notExists(a.leaseUntil)} OR ${op.lt(a.leaseUntil, Date.now())})`)
      .go();
  } catch (err) {
    if ((err as Error).message?.includes('conditional')) throw new ImportBusy(`Import ${job.importId} is being run by another worker`);
    throw err;
  }
}

async function run(job: ImportJobItem, resumed: boolean, opts: RunOptions) {
  const file = await readFile(job.fileKey);
  if (!file) return finish(job, 'failed', [{ row: 1, message: 'The file is missing' }]);
  const rows = fileRows(file);
  const header = (await rows.next()).value as FileRow | undefined;
  if (!header) return finish(job, 'failed', [{ row: 1, message: 'The file is empty' }]);
  const context = await contextOf(job, header.cells);
  // Only the first chunk of a resumed job may hold rows a dead worker wrote: its records' keys are
  // looked up first; later chunks' rows cannot have been written by anyone before.
  context.fresh = !resumed;
  let index = 0;
  let chunk: FileRow[] = [];
  for await (const row of rows) {
    if (index++ < job.rowsDone) continue;
    chunk.push(row);
    if (chunk.length < CHUNK) continue;
    if (await writeChunk(context, chunk, opts)) return;
    context.fresh = true;
    chunk = [];
  }
  if (chunk.length && (await writeChunk(context, chunk, opts))) return;
  await finish(job, 'done');
}

type Context = Awaited<ReturnType<typeof contextOf>>;

async function contextOf(job: ImportJobItem, headers: string[]) {
  const { data: user } = await db.user.get({ accountId: job.accountId, userId: job.createdBy }).go();
  // The importing user is the actor of every record's events, as if typing them in; the records
  // carry the import in their Idempotency-Keys (and the job its counts).
  const caller: Caller = { accountId: job.accountId, userId: job.createdBy, role: user?.role ?? 'manager', groupId: user?.groupId ?? null };
  const fields = await fieldsOf(job.accountId, job.entityType);
  const mapping: ImportMapping = Object.keys(job.mapping as object).length
    ? (job.mapping as ImportMapping)
    : proposeMapping(job.entityType, headers, fields);
  const column = new Map(Object.entries(mapping).map(([field, header]) => [field, headers.indexOf(header ?? '')]));
  const { data: users } = await db.user.query.byId({ accountId: job.accountId }).go({ pages: 'all' });
  const userByKey = new Map<string, string>();
  for (const u of users) {
    userByKey.set(fold(u.name), u.userId);
    userByKey.set(u.email.toLowerCase(), u.userId);
  }
  const pipelines = await allPipelines(caller);
  return { job, caller, mapping, column, fields, userByKey, pipelines, companies: new Map<string, string>(), fresh: false };
}

/** Writes a chunk's rows and then its checkpoint; true when the run is to stop (cancelled). */
async function writeChunk(context: Context, chunk: FileRow[], opts: RunOptions): Promise<boolean> {
  const outcomes: Outcome[] = new Array(chunk.length);
  await prepareChunk(context, chunk);
  // Rows of one contact (by its first phone or e-mail) are written in file order, one after another,
  // so that the first of them creates it and the later ones update it, on every run alike.
  const groups = new Map<string, number[]>();
  chunk.forEach((row, i) => {
    const key = contactKeyOf(context, row) ?? `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const queue = [...groups.values()];
  const lane = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const i of group) {
        if (opts.signal?.aborted) throw new Error('The import worker was stopped');
        outcomes[i] = await writeRow(context, chunk[i]!).catch((err: unknown) => ({ failed: messageOf(err) }));
      }
    }
  };
  // The rows of a chunk read the account's pipelines, custom fields and companies once between them.
  await sharingReads(() => Promise.all(Array.from({ length: PARALLEL }, lane)));
  if (opts.signal?.aborted) throw new Error('The import worker was stopped');
  return checkpoint(context, chunk, outcomes);
}

function contactKeyOf(context: Context, row: FileRow) {
  const phone = phonesOf(context, row, 'contact.phone', 'contact.mobile')[0]?.value;
  if (phone) return `phone ${phoneDigits(phone)}`;
  const email = emailsOf(context, row, 'contact.email')[0]?.value;
  return email ? `email ${emailKey(email)}` : undefined;
}

const messageOf = (err: unknown) => {
  if (err instanceof DomainError) return [err.message, ...(err.errors ?? []).map((e) => `${e.path}: ${e.message}`)].join('; ');
  throw err;
};

async function checkpoint(context: Context, chunk: FileRow[], outcomes: Outcome[]): Promise<boolean> {
  const { job } = context;
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  const errors = outcomes.flatMap((o, i) => (typeof o === 'object' ? [{ row: chunk[i]!.line, message: o.failed }] : []));
  const { data } = await db.importJob
    .patch({ accountId: job.accountId, importId: job.importId })
    .add({
      rowsDone: chunk.length,
      created: count('created'),
      updated: count('updated'),
      skipped: count('skipped'),
      failed: errors.length,
    })
    .set({
      errors: [...(job.errors as object[]), ...errors].slice(0, MAX_ERRORS),
      leaseUntil: Date.now() + LEASE_MS,
      updatedAt: now(),
      mapping: context.mapping,
    })
    .where((a, op) => op.eq(a.rowsDone, job.rowsDone))
    .go({ response: 'all_new' });
  Object.assign(job, data);
  if (!data.cancelRequested) return false;
  await finish(job, 'cancelled');
  return true;
}

async function finish(job: ImportJobItem, status: 'done' | 'failed' | 'cancelled', errors?: { row: number; message: string }[]) {
  await db.importJob
    .patch({ accountId: job.accountId, importId: job.importId })
    .set({ status, finishedAt: now(), updatedAt: now(), ...(status === 'done' && { total: job.rowsDone }), ...(errors && { errors }) })
    .go();
}

// ---- One row ----

const cellOf = (context: Context, row: FileRow, field: ImportField) => {
  const i = context.column.get(field);
  return i === undefined || i < 0 ? '' : (row.cells[i] ?? '');
};

/** Each import key names the job, the row (or the company's name) and the part of the row. */
const keyOf = (context: Context, part: string): WriteOptions => ({
  idempotency: {
    key: `import#${context.job.importId}#${part}`,
    requestHash: 'import',
    keepSeconds: UNDO_DAYS * 86400,
    fresh: context.fresh,
  },
});

const parsed = <T>(
  line: number,
  result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
) => {
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new DomainError('invalid', `Row ${line} is not valid`, issues);
};

/** Companies and stages that rows of the chunk share are made once, before the rows. */
async function prepareChunk(context: Context, chunk: FileRow[]) {
  const { job, caller } = context;
  if (job.createMissing && job.entityType === 'leads') {
    for (const row of chunk) {
      const stage = cellOf(context, row, 'lead.stage');
      const pipeline = pipelineOf(context, row);
      if (stage && pipeline && !pipeline.stages.some((s) => fold(s.name) === fold(stage))) {
        const changed = await addStage(caller, pipeline.id, { name: stage.slice(0, 100), color: '#99ccff' });
        context.pipelines = context.pipelines.map((p) => (p.id === changed.id ? changed : p));
      }
    }
  }
  if (job.entityType === 'companies') return;
  for (const row of chunk) {
    const name = cellOf(context, row, 'company.name');
    if (!name || context.companies.has(fold(name))) continue;
    const companyId = await companyFor(context, row, name).catch(() => undefined);
    if (companyId) context.companies.set(fold(name), companyId);
  }
}

function pipelineOf(context: Context, row: FileRow): Pipeline | undefined {
  const name = cellOf(context, row, 'lead.pipeline');
  return (name && context.pipelines.find((p) => fold(p.name) === fold(name))) || context.pipelines[0];
}

const responsibleOf = (context: Context, row: FileRow) =>
  context.userByKey.get(fold(cellOf(context, row, 'responsible'))) ??
  context.userByKey.get(cellOf(context, row, 'responsible').toLowerCase()) ??
  context.caller.userId;

function customFieldsOf(context: Context, row: FileRow) {
  const values: Record<string, unknown> = {};
  for (const f of context.fields) {
    const cell = cellOf(context, row, `custom.${f.fieldId}`);
    if (!cell) continue;
    if (f.type === 'number') values[f.fieldId] = parseAmount(cell);
    else if (f.type === 'checkbox') values[f.fieldId] = /^(1|да|yes|true|y|д)$/i.test(cell);
    else if (f.type === 'multiselect') values[f.fieldId] = splitList(cell);
    else values[f.fieldId] = cell;
  }
  return values;
}

const phonesOf = (context: Context, row: FileRow, work: ImportField, mobile?: ImportField) => [
  ...splitList(cellOf(context, row, work)).map((value) => ({ value, type: 'work' })),
  ...(mobile ? splitList(cellOf(context, row, mobile)).map((value) => ({ value, type: 'mobile' })) : []),
];
const emailsOf = (context: Context, row: FileRow, field: ImportField) =>
  splitList(cellOf(context, row, field)).map((value) => ({ value, type: 'work' }));

/** The company of a row: one of this name that exists, or a new one (once per job and name). */
async function companyFor(context: Context, row: FileRow, name: string): Promise<string> {
  const { caller, job } = context;
  const input = parsed(
    row.line,
    CompanyCreate.safeParse({
      name,
      phones: phonesOf(context, row, 'company.phone'),
      emails: emailsOf(context, row, 'company.email'),
      website: cellOf(context, row, 'company.website') || undefined,
      address: cellOf(context, row, 'company.address') || undefined,
      responsibleUserId: responsibleOf(context, row),
      ...(job.entityType === 'companies' && { customFields: customFieldsOf(context, row) }),
    }),
  );
  if (job.onDuplicate !== 'create') {
    const { data } = await db.company.query
      .byName({ accountId: caller.accountId })
      .begins({ nameFolded: fold(name) })
      .go({ limit: 5 });
    const same = data.find((c) => c.nameFolded === fold(name));
    if (same) return same.companyId;
  }
  return (await createCompany(caller, input, keyOf(context, `${fold(name)}#company`))).id;
}

async function writeRow(context: Context, row: FileRow): Promise<Outcome> {
  const { job } = context;
  if (job.entityType === 'companies') return writeCompanyRow(context, row);
  const lead = job.entityType === 'leads' ? leadInput(context, row) : undefined;
  if (!lead) return (await writeContact(context, row, true)).outcome;
  // A row's contact and lead go in one transaction; should that one fail (a race, a check only the
  // table can make), nothing of it was written and the row is written record by record instead.
  const id = await inOneTransaction(() => writeLeadAndContact(context, row, lead)).catch(() => writeLeadAndContact(context, row, lead));
  const note = cellOf(context, row, 'lead.note');
  if (note)
    await addNote(
      context.caller,
      { type: 'lead', id },
      { text: note.slice(0, 20_000), type: 'common' },
      keyOf(context, `${row.line}#note`),
    );
  return 'created';
}

/** The lead of a row and its contact; the lead's id. */
async function writeLeadAndContact(context: Context, row: FileRow, lead: ReturnType<typeof leadInput>): Promise<string> {
  const contact = await writeContact(context, row, false);
  const companyName = cellOf(context, row, 'company.name');
  const companyId = companyName ? context.companies.get(fold(companyName)) : undefined;
  const created = await createLead(
    context.caller,
    {
      ...lead,
      companyId,
      ...(contact.id && { contactIds: [contact.id], mainContactId: contact.id }),
    },
    keyOf(context, `${row.line}#lead`),
  );
  return created.id;
}

/** The lead of a row, checked before anything of the row is written. */
function leadInput(context: Context, row: FileRow) {
  const name = cellOf(context, row, 'lead.name') || cellOf(context, row, 'contact.name') || cellOf(context, row, 'company.name');
  const price = parseAmount(cellOf(context, row, 'lead.price'));
  if (Number.isNaN(price)) throw new DomainError('invalid', `Budget "${cellOf(context, row, 'lead.price')}" is not an amount`);
  const pipeline = pipelineOf(context, row);
  const stageName = cellOf(context, row, 'lead.stage');
  const stage = stageName ? pipeline?.stages.find((s) => fold(s.name) === fold(stageName)) : undefined;
  if (stageName && !stage) throw new DomainError('invalid', `Stage "${stageName}" is not in pipeline "${pipeline?.name}"`);
  return parsed(
    row.line,
    LeadCreate.safeParse({
      name,
      price,
      pipelineId: pipeline?.id,
      stageId: stage?.id,
      responsibleUserId: responsibleOf(context, row),
      tags: splitList(cellOf(context, row, 'lead.tags')),
      customFields: customFieldsOf(context, row),
    }),
  );
}

/** The contact of a row: created, or (by phone or e-mail) the one that exists, updated or left as the user chose. */
async function writeContact(context: Context, row: FileRow, own: boolean): Promise<{ id?: string; outcome: Outcome }> {
  const { caller, job } = context;
  const phones = phonesOf(context, row, 'contact.phone', 'contact.mobile');
  const emails = emailsOf(context, row, 'contact.email');
  const name = cellOf(context, row, 'contact.name') || phones[0]?.value || emails[0]?.value;
  if (!name) {
    if (own) throw new DomainError('invalid', 'The row has no contact name, phone or e-mail');
    return { outcome: 'skipped' };
  }
  const companyName = cellOf(context, row, 'company.name');
  const input = parsed(
    row.line,
    ContactCreate.safeParse({
      name,
      phones,
      emails,
      position: cellOf(context, row, 'contact.position') || undefined,
      companyId: companyName ? context.companies.get(fold(companyName)) : undefined,
      responsibleUserId: responsibleOf(context, row),
      tags: splitList(cellOf(context, row, 'contact.tags')),
      ...(own && { customFields: customFieldsOf(context, row) }),
    }),
  );
  try {
    const created = await createContact(
      caller,
      input,
      { allowDuplicate: job.onDuplicate === 'create' },
      keyOf(context, `${row.line}#contact`),
    );
    return { id: created.id, outcome: 'created' };
  } catch (err) {
    const existingId = err instanceof DomainError && err.kind === 'conflict' ? (err.extra?.existingId as string | undefined) : undefined;
    if (!existingId) throw err;
    if (job.onDuplicate === 'skip') return { id: existingId, outcome: 'skipped' };
    // The row adds to the contact what it lacks; what the row leaves empty stays.
    const current = await getContact(caller, existingId);
    const merged = <T extends { value: string }>(had: T[], more: T[], key: (v: string) => string) => [
      ...had,
      ...more.filter((m) => !had.some((h) => key(h.value) === key(m.value))),
    ];
    await patchContact(
      caller,
      existingId,
      {
        phones: merged(current.phones, input.phones ?? [], phoneDigits).slice(0, 10),
        emails: merged(current.emails, input.emails ?? [], emailKey).slice(0, 10),
        tags: [...new Set([...current.tags, ...(input.tags ?? [])])].slice(0, 20),
        ...(input.position && { position: input.position }),
        ...(input.companyId && { companyId: input.companyId }),
      },
      { allowDuplicate: true },
    );
    return { id: existingId, outcome: 'updated' };
  }
}

async function writeCompanyRow(context: Context, row: FileRow): Promise<Outcome> {
  const name = cellOf(context, row, 'company.name');
  if (!name) throw new DomainError('invalid', 'The row has no company name');
  const { job, caller } = context;
  const known = context.companies.get(fold(name));
  const before = known ?? (job.onDuplicate === 'create' ? undefined : await existingCompany(context, name));
  if (!before) {
    context.companies.set(fold(name), await companyFor(context, row, name));
    return 'created';
  }
  if (job.onDuplicate === 'skip') return 'skipped';
  await patchCompany(caller, before, {
    phones: phonesOf(context, row, 'company.phone'),
    emails: emailsOf(context, row, 'company.email'),
    ...(cellOf(context, row, 'company.website') && { website: cellOf(context, row, 'company.website') }),
    ...(cellOf(context, row, 'company.address') && { address: cellOf(context, row, 'company.address') }),
  });
  return 'updated';
}

async function existingCompany(context: Context, name: string) {
  const { data } = await db.company.query
    .byName({ accountId: context.caller.accountId })
    .begins({ nameFolded: fold(name) })
    .go({ limit: 5 });
  return data.find((c) => c.nameFolded === fold(name))?.companyId;
}
