// The import worker: reads the job's file as a stream and writes its rows through the same
// services as a record typed in by hand (events, counters, search terms), a chunk at a time.
// A row's records are made at the job's fixed moment with ids fixed by the job and the row
// (ids.ts `atFixedMoment`), and their commits are held, not sent: what is new goes to the table in
// BatchWriteItem (write/bulk.ts), and the chunk's counters, summed, move with its checkpoint in one
// transaction. A worker that dies mid-chunk is resumed from the checkpoint and puts the very same
// items again; their counters are added once. A row that changes a stored record (a contact found
// by its phone) is written as usual, with an Idempotency-Key made of the job and the row.
import type { ImportField, ImportMapping, Pipeline } from '@crm/contract';
import { CompanyCreate } from '@crm/contract/companies';
import { ContactCreate } from '@crm/contract/contacts';
import { LeadCreate } from '@crm/contract/leads';
import type { Caller, WriteOptions } from '../context.ts';
import { DomainError } from '../errors.ts';
import { readFile } from '../files.ts';
import { atFixedMoment, fixedOrdinalOf, now } from '../ids.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';
import { parseAmount, proposeMapping, splitList } from '../model/import-mapping.ts';
import { fieldsOf } from '../reads/custom-fields.ts';
import { fileRows, type FileRow } from '../reads/import-file.ts';
import { sharingReads } from '../read-memo.ts';
import { companyKnown } from '../reads/records.ts';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, dynamo } from '../db.ts';
import { Bulk } from '../write/bulk.ts';
import { holding, inOneTransaction, MAX_TRANSACTION_ITEMS } from '../write/write.ts';
import { inParallel } from '../in-parallel.ts';
import { fold } from '../text.ts';
import { createCompany, getCompany, patchCompany } from '../services/companies.ts';
import { createContact, getContact, patchContact, prefetchClaims } from '../services/contacts.ts';
import { readImportJob, type ImportJobItem } from '../services/imports.ts';
import { createLead } from '../services/leads.ts';
import { addNote } from '../services/notes.ts';
import { addStage, allPipelines } from '../services/pipelines.ts';

/** Rows per checkpoint. */
const CHUNK = 250;
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
  /** Stops the run after a chunk's records are written, before its checkpoint (as a killed worker would). */
  signal?: Pick<AbortSignal, 'aborted'>;
  /** Rows per checkpoint (tests stop a run between small ones). */
  chunk?: number;
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
  // The first worker fixes the moment of the import's records; a resumed one keeps it.
  job.startedAt ??= now();
  try {
    await db.importJob
      .patch({ accountId: job.accountId, importId: job.importId })
      .set({ leaseUntil: Date.now() + LEASE_MS, status: 'running', startedAt: job.startedAt })
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
  // Only the first chunk of a resumed job may hold rows a dead worker wrote record by record: their
  // keys are looked up first; later chunks' rows cannot have been written by anyone before.
  context.fresh = !resumed;
  // A chunk's writes are gathered while the one before it is written: the table and the worker work at once.
  let writing: Promise<boolean> = Promise.resolve(false);
  let claimedBefore = new Set<string>();
  const next = async (chunk: FileRow[]) => {
    // A company is found by its name in the table: a file of companies waits for the chunk before.
    if (job.entityType === 'companies' && (await writing)) return true;
    const parts = await gatherChunk(context, chunk, claimedBefore);
    // The chunk before is in the table by the time the next one is gathered; this one may not be.
    claimedBefore = claimsOf(parts);
    if (await writing) return true;
    writing = (async () => {
      for (const part of parts) {
        if (await writeChunk(context, part, opts)) return true;
        context.fresh = true;
      }
      return false;
    })();
    // Kept from being an unhandled rejection while the next chunk is gathered; awaited before it is written.
    writing.catch(() => undefined);
    return false;
  };
  let index = 0;
  let chunk: FileRow[] = [];
  for await (const row of rows) {
    if (index++ < job.rowsDone) continue;
    chunk.push(row);
    if (chunk.length < (opts.chunk ?? CHUNK)) continue;
    if (await next(chunk)) return;
    chunk = [];
  }
  if (chunk.length && (await next(chunk))) return;
  if (await writing) return;
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
  return {
    job,
    caller,
    mapping,
    column,
    fields,
    userByKey,
    pipelines,
    companies: new Map<string, string>(),
    fresh: false,
    /** The moment of every record of the import (set when the lease is first taken). */
    at: job.startedAt!,
    /** The first line of the chunk under way: records with fixed ids from it on may be a dead worker's. */
    firstLine: 0,
  };
}

/** The seeds of the fixed ids (with the row's line): a company made for a row, a row's records, its note. */
const seedOf = (context: Context, part: 'company' | 'row' | 'note') => `${context.job.importId}#${part}`;

/** Runs one row's (or company's, or note's) writes held, at the import's moment with ids fixed by the row. */
const held = <T>(context: Context, part: 'company' | 'row' | 'note', line: number, write: () => Promise<T>) =>
  holding(() => atFixedMoment(context.at, seedOf(context, part), line, write));

/** At most this many summed counters and checks go with a checkpoint (DynamoDB takes 100 items in a transaction). */
const CHECKPOINT_ITEMS = MAX_TRANSACTION_ITEMS - 10;

/** A chunk's rows, their writes gathered (nothing sent yet) in bulk, and the rows that are written as usual. */
interface Gathered {
  rows: FileRow[];
  bulk: Bulk;
  outcomes: Outcome[];
  notes: { i: number; leadId: string; text: string }[];
  deferred: number[];
}

/**
 * Gathers a chunk's writes; in two halves (or more) when its counters are too many for one
 * checkpoint. `claimedBefore`: the phones and e-mails the chunk before it claims, not yet in the table.
 */
async function gatherChunk(context: Context, rows: FileRow[], claimedBefore: Set<string>): Promise<Gathered[]> {
  context.firstLine = rows[0]!.line;
  await prepareStages(context, rows);
  const bulk = new Bulk(claimedBefore);
  const outcomes: Outcome[] = new Array(rows.length);
  const notes: Gathered['notes'] = [];
  const deferred: number[] = [];
  const fits = await sharingReads(async () => {
    const madeCompanies = await prepareCompanies(context, rows, bulk);
    // Only the first row of a contact (by its first phone or e-mail) or company (by its name) may go
    // in bulk; the later ones update it once it is in the table, in file order, on every run alike.
    const firsts = new Set<string>();
    const inBulk: number[] = [];
    rows.forEach((row, i) => {
      const key =
        context.job.entityType === 'companies' ? fold(cellOf(context, row, 'company.name')) || undefined : contactKeyOf(context, row);
      if (key && firsts.has(key)) deferred.push(i);
      else inBulk.push(i);
      if (key) firsts.add(key);
    });
    // The reads the rows share: the claims of their phones and e-mails in one BatchGet, and the
    // companies just made or found.
    await prefetchClaims(
      context.caller.accountId,
      inBulk.map((i) => ({
        phones: phonesOf(context, rows[i]!, 'contact.phone', 'contact.mobile'),
        emails: emailsOf(context, rows[i]!, 'contact.email'),
      })),
    );
    for (const id of context.companies.values()) companyKnown(context.caller.accountId, id);
    // The rows' writes are gathered in parallel, and taken in file order (the same on every run).
    const gathered = await inParallel(inBulk, PARALLEL, (i) => heldRow(context, rows[i]!));
    for (const [k, i] of inBulk.entries()) {
      const g = gathered[k]!;
      if ('failed' in g) outcomes[i] = g;
      else if (bulk.take(g.writes)) {
        outcomes[i] = g.result.outcome;
        if (g.result.note) notes.push({ i, ...g.result.note });
      } else deferred.push(i);
    }
    if (bulk.transactItems().length <= CHECKPOINT_ITEMS || rows.length === 1) return true;
    // Too many counters for one checkpoint: the halves go one after the other, their companies made again.
    for (const name of madeCompanies) context.companies.delete(name);
    return false;
  });
  if (fits) return [{ rows, bulk, outcomes, notes, deferred: deferred.sort((a, b) => a - b) }];
  const half = Math.ceil(rows.length / 2);
  const first = await gatherChunk(context, rows.slice(0, half), claimedBefore);
  // The second half is gathered before anything of the first, or of the chunk before, is written.
  return [...first, ...(await gatherChunk(context, rows.slice(half), new Set([...claimedBefore, ...claimsOf(first)])))];
}

/** The phones and e-mails the parts of a chunk claim. */
const claimsOf = (parts: Gathered[]) => new Set(parts.flatMap((p) => [...p.bulk.claims()]));

/** Writes a gathered chunk, then the rows and notes that wait for it, then its checkpoint; true when the run is to stop (cancelled). */
async function writeChunk(context: Context, { rows, bulk, outcomes, notes, deferred }: Gathered, opts: RunOptions): Promise<boolean> {
  await bulk.flush();
  await sharingReads(async () => {
    // The notes, once their leads are in the table.
    const heldNotes = await Promise.all(
      notes.map(({ i, leadId, text }) => held(context, 'note', rows[i]!.line, () => writeNote(context, rows[i]!, leadId, text, true))),
    );
    const leftNotes = notes.filter((_, n) => !bulk.take(heldNotes[n]!.writes));
    await bulk.flush();
    for (const { i, leadId, text } of leftNotes) await writeNote(context, rows[i]!, leadId, text, false);
    for (const i of deferred) {
      outcomes[i] = await writeRow(context, rows[i]!, false)
        .then((r) => r.outcome)
        .catch((err: unknown) => ({ failed: messageOf(err) }));
    }
  });
  if (opts.signal?.aborted) throw new Error('The import worker was stopped');
  return checkpoint(context, rows, outcomes, bulk);
}

/** A row's writes, held (nothing is sent), or why it failed. */
const heldRow = (context: Context, row: FileRow) =>
  held(context, 'row', row.line, () => writeRow(context, row, true)).catch((err: unknown) => ({ failed: messageOf(err) }));

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

/** The chunk's counts and its summed counters, in one transaction: they move together or not at all. */
async function checkpoint(context: Context, chunk: FileRow[], outcomes: Outcome[], bulk: Bulk): Promise<boolean> {
  const { job } = context;
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  const errors = outcomes.flatMap((o, i) => (typeof o === 'object' ? [{ row: chunk[i]!.line, message: o.failed }] : []));
  const progress = db.importJob
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
    .params();
  await dynamo.send(new TransactWriteCommand({ TransactItems: [{ Update: progress as never }, ...bulk.transactItems()] }));
  bulk.committed();
  Object.assign(job, await readImportJob(job, job.importId, true));
  if (!job.cancelRequested) return false;
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
const keyOf = (context: Context, part: string, fresh = context.fresh): WriteOptions => ({
  idempotency: {
    key: `import#${context.job.importId}#${part}`,
    requestHash: 'import',
    keepSeconds: UNDO_DAYS * 86400,
    fresh,
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

/** Stages that rows of the chunk name and the pipeline lacks are added first (when the user allows it). */
async function prepareStages(context: Context, chunk: FileRow[]) {
  const { job, caller } = context;
  if (!job.createMissing || job.entityType !== 'leads') return;
  for (const row of chunk) {
    const stage = cellOf(context, row, 'lead.stage');
    const pipeline = pipelineOf(context, row);
    if (stage && pipeline && !pipeline.stages.some((s) => fold(s.name) === fold(stage))) {
      const changed = await addStage(caller, pipeline.id, { name: stage.slice(0, 100), color: '#99ccff' });
      context.pipelines = context.pipelines.map((p) => (p.id === changed.id ? changed : p));
    }
  }
}

/** Companies that rows of the chunk share are made once, before the rows, in bulk; the names made. */
async function prepareCompanies(context: Context, chunk: FileRow[], bulk: Bulk): Promise<string[]> {
  if (context.job.entityType === 'companies') return [];
  // The first row of each company new to the job, in file order; a row whose lead is refused
  // (a budget that is not an amount, an unknown stage) makes no company.
  const firsts = new Map<string, FileRow>();
  for (const row of chunk) {
    const name = cellOf(context, row, 'company.name');
    if (!name || context.companies.has(fold(name)) || firsts.has(fold(name))) continue;
    if (context.job.entityType === 'leads' && !leadIsValid(context, row)) continue;
    firsts.set(fold(name), row);
  }
  const rows = [...firsts.values()];
  const found = await inParallel(rows, PARALLEL, async (row) => {
    const name = cellOf(context, row, 'company.name');
    const existing = context.job.onDuplicate === 'create' ? undefined : await existingCompany(context, name, 'company', true);
    const made = existing
      ? undefined
      : await held(context, 'company', row.line, () => companyFor(context, row, name, true)).catch(() => undefined);
    return { existing, made };
  });
  const made: string[] = [];
  rows.forEach((row, i) => {
    const name = fold(cellOf(context, row, 'company.name'));
    const { existing, made: company } = found[i]!;
    if (existing) context.companies.set(name, existing);
    if (!company) return;
    if (!bulk.take(company.writes)) throw new Error(`A new company's writes did not go in bulk`);
    context.companies.set(name, company.result);
    made.push(name);
  });
  return made;
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

/** A stored record's phones or e-mails with those of a row it lacks added (at most 10, as the API takes). */
const withNew = <T extends { value: string }>(had: T[], more: T[], key: (value: string) => string) =>
  [...had, ...more.filter((m) => !had.some((h) => key(h.value) === key(m.value)))].slice(0, 10);

/** A new company of a row (once per job and name). */
async function companyFor(context: Context, row: FileRow, name: string, fresh: boolean): Promise<string> {
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
  return (await createCompany(caller, input, keyOf(context, `${fold(name)}#company`, fresh))).id;
}

/**
 * A row's records. `bulk`: its commits are held (the caller sends them), so its contact and lead
 * go together and its note waits for the lead to be in the table; otherwise the row is written as
 * it would be by hand, its contact and lead in one transaction.
 */
async function writeRow(
  context: Context,
  row: FileRow,
  bulk: boolean,
): Promise<{ outcome: Outcome; note?: { leadId: string; text: string } }> {
  const { job } = context;
  if (job.entityType === 'companies') return { outcome: await writeCompanyRow(context, row, bulk) };
  const lead = job.entityType === 'leads' ? leadInput(context, row) : undefined;
  if (!lead) return { outcome: (await writeContact(context, row, true, bulk)).outcome };
  // Should the row's one transaction fail (a race, a check only the table can make), nothing of it
  // was written and the row is written record by record instead.
  const id = bulk
    ? await writeLeadAndContact(context, row, lead, true)
    : await inOneTransaction(() => writeLeadAndContact(context, row, lead, false)).catch(() =>
        writeLeadAndContact(context, row, lead, false),
      );
  const note = cellOf(context, row, 'lead.note');
  if (note && bulk) return { outcome: 'created', note: { leadId: id, text: note } };
  if (note) await writeNote(context, row, id, note, false);
  return { outcome: 'created' };
}

const writeNote = (context: Context, row: FileRow, leadId: string, text: string, fresh: boolean) =>
  addNote(
    context.caller,
    { type: 'lead', id: leadId },
    { text: text.slice(0, 20_000), type: 'common' },
    keyOf(context, `${row.line}#note`, fresh || context.fresh),
  );

/** The lead of a row and its contact; the lead's id. */
async function writeLeadAndContact(context: Context, row: FileRow, lead: ReturnType<typeof leadInput>, bulk: boolean): Promise<string> {
  const contact = await writeContact(context, row, false, bulk);
  const companyName = cellOf(context, row, 'company.name');
  const companyId = companyName ? context.companies.get(fold(companyName)) : undefined;
  const created = await createLead(
    context.caller,
    {
      ...lead,
      companyId,
      ...(contact.id && { contactIds: [contact.id], mainContactId: contact.id }),
    },
    keyOf(context, `${row.line}#lead`, bulk || context.fresh),
  );
  return created.id;
}

const leadIsValid = (context: Context, row: FileRow) => {
  try {
    leadInput(context, row);
    return true;
  } catch {
    return false;
  }
};

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
async function writeContact(context: Context, row: FileRow, own: boolean, bulk: boolean): Promise<{ id?: string; outcome: Outcome }> {
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
      keyOf(context, `${row.line}#contact`, bulk || context.fresh),
    );
    return { id: created.id, outcome: 'created' };
  } catch (err) {
    const existingId = err instanceof DomainError && err.kind === 'conflict' ? (err.extra?.existingId as string | undefined) : undefined;
    if (!existingId) throw err;
    if (job.onDuplicate === 'skip') return { id: existingId, outcome: 'skipped' };
    // The row adds to the contact what it lacks; what the row leaves empty stays.
    const current = await getContact(caller, existingId);
    await patchContact(
      caller,
      existingId,
      {
        phones: withNew(current.phones, input.phones ?? [], phoneDigits),
        emails: withNew(current.emails, input.emails ?? [], emailKey),
        tags: [...new Set([...current.tags, ...(input.tags ?? [])])].slice(0, 20),
        ...(input.position && { position: input.position }),
        ...(input.companyId && { companyId: input.companyId }),
      },
      { allowDuplicate: true },
    );
    return { id: existingId, outcome: 'updated' };
  }
}

async function writeCompanyRow(context: Context, row: FileRow, bulk: boolean): Promise<Outcome> {
  const name = cellOf(context, row, 'company.name');
  if (!name) throw new DomainError('invalid', 'The row has no company name');
  const { job, caller } = context;
  const known = context.companies.get(fold(name));
  const before = known ?? (job.onDuplicate === 'create' ? undefined : await existingCompany(context, name, 'row', bulk));
  if (!before) {
    const id = await companyFor(context, row, name, bulk || context.fresh);
    // Held rows are written after all of the chunk's rows are gathered: a later row of this name finds it then.
    if (!bulk) context.companies.set(fold(name), id);
    return 'created';
  }
  if (job.onDuplicate === 'skip') return 'skipped';
  // As for a contact: the row adds what the company lacks; what the row leaves empty stays.
  const current = await getCompany(caller, before);
  await patchCompany(caller, before, {
    phones: withNew(current.phones, phonesOf(context, row, 'company.phone'), phoneDigits),
    emails: withNew(current.emails, emailsOf(context, row, 'company.email'), emailKey),
    ...(cellOf(context, row, 'company.website') && { website: cellOf(context, row, 'company.website') }),
    ...(cellOf(context, row, 'company.address') && { address: cellOf(context, row, 'company.address') }),
  });
  return 'updated';
}

/**
 * A stored company of this name. While the chunk's writes are gathered (`gathering`), one this
 * import made with its fixed ids from the chunk under way on is not: a dead worker put it without
 * its counters, so it is made (put) again, and counted.
 */
async function existingCompany(context: Context, name: string, part: 'company' | 'row', gathering: boolean) {
  // The whole name as the index's key part: a prefix would also find "Name 1".."Name 5", which sort first.
  const { data } = await db.company.query.byName({ accountId: context.caller.accountId, nameFolded: fold(name) }).go({ limit: 5 });
  return data.find((c) => {
    const line = gathering ? fixedOrdinalOf(c.companyId, context.at, seedOf(context, part)) : undefined;
    return line === undefined || line < context.firstLine;
  })?.companyId;
}
