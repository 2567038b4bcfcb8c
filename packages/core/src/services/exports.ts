// Exports: a list with its current filters, every page of it, as CSV, within the caller's
// `export` right. A big one is put in the files bucket and answered with a link to it; XLSX
// (written by exceljs, loaded only then) always is, so the API never carries a binary body.
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Company, Contact, ExportQuery, Lead } from '@crm/contract';
import { EXPORT_FILTERS } from '@crm/contract/imports';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { forbidden, invalid } from '../errors.ts';
import { downloadUrl, fileKeyOf, putFile } from '../files.ts';
import { newId } from '../ids.ts';
import { scopeOf } from '../rights.ts';
import { listCompanies } from './companies.ts';
import { listContacts } from './contacts.ts';
import { listLeads } from './leads.ts';

/** Above this the file goes to the bucket: an API answer carries at most 6 MB. */
const INLINE_BYTES = 4 * 1024 * 1024;

const joined = (points: { value: string }[]) => points.map((p) => p.value).join(', ');
const custom = (values: Record<string, unknown>) => (Object.keys(values).length ? JSON.stringify(values) : '');

const COLUMNS = {
  leads: {
    header: [
      'id',
      'name',
      'price',
      'pipelineId',
      'stageId',
      'status',
      'responsibleUserId',
      'contactIds',
      'companyId',
      'tags',
      'customFields',
      'createdAt',
    ],
    row: (l: Lead) => [
      l.id,
      l.name,
      l.price,
      l.pipelineId,
      l.stageId,
      l.status,
      l.responsibleUserId,
      l.contactIds.join(', '),
      l.companyId ?? '',
      l.tags.join(', '),
      custom(l.customFields),
      l.createdAt,
    ],
  },
  contacts: {
    header: ['id', 'name', 'phones', 'emails', 'position', 'companyId', 'responsibleUserId', 'tags', 'customFields', 'createdAt'],
    row: (c: Contact) => [
      c.id,
      c.name,
      joined(c.phones),
      joined(c.emails),
      c.position ?? '',
      c.companyId ?? '',
      c.responsibleUserId,
      c.tags.join(', '),
      custom(c.customFields),
      c.createdAt,
    ],
  },
  companies: {
    header: ['id', 'name', 'phones', 'emails', 'website', 'address', 'responsibleUserId', 'tags', 'customFields', 'createdAt'],
    row: (c: Company) => [
      c.id,
      c.name,
      joined(c.phones),
      joined(c.emails),
      c.website ?? '',
      c.address ?? '',
      c.responsibleUserId,
      c.tags.join(', '),
      custom(c.customFields),
      c.createdAt,
    ],
  },
};

export type ExportFile = { csv: string; fileName: string } | { url: string; fileName: string };

export async function exportList(caller: Caller, query: ExportQuery): Promise<ExportFile> {
  const { entityType, format, ...rest } = query;
  const checked = EXPORT_FILTERS[entityType].safeParse(rest);
  if (!checked.success)
    throw invalid(
      'Invalid filters',
      checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const { limit: __, cursor: ___, ...filters } = checked.data;
  const scope = scopeOf(caller, entityType, 'export');
  if (scope === 'none') throw forbidden('You may not export these records');
  const mine = scope === 'all' ? undefined : await ownersOf(caller, scope);
  const list = { leads: listLeads, contacts: listContacts, companies: listCompanies }[entityType] as (
    c: Caller,
    q: object,
  ) => Promise<{ items: { responsibleUserId: string }[]; nextCursor: string | null }>;
  const columns = COLUMNS[entityType] as { header: string[]; row: (r: never) => unknown[] };
  async function* pages() {
    let cursor: string | undefined;
    do {
      const page = await list(caller, { ...filters, limit: 250, ...(cursor && { cursor }) });
      yield page.items.filter((r) => !mine || mine.has(r.responsibleUserId)).map((r) => columns.row(r as never));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const day = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') return xlsxExport(caller, `${entityType}-${day}.xlsx`, columns.header, pages());
  const parts = ['\uFEFF', stringify([columns.header])];
  let bytes = 0;
  for await (const rows of pages()) {
    const text = stringify(rows as never);
    parts.push(text);
    bytes += text.length;
  }
  const fileName = `${entityType}-${day}.csv`;
  const csv = parts.join('');
  if (bytes <= INLINE_BYTES) return { csv, fileName };
  const key = fileKeyOf(caller.accountId, 'exports', newId());
  await putFile(key, csv, 'text/csv; charset=utf-8');
  return { url: await downloadUrl(key, fileName), fileName };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list as one sheet, written row by row by exceljs's streaming writer, put in the bucket; answered with its link. */
async function xlsxExport(caller: Caller, fileName: string, header: string[], pages: AsyncIterable<unknown[][]>): Promise<ExportFile> {
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet(fileName.split('-')[0]);
  sheet.addRow(header).commit();
  for await (const rows of pages) for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  const key = fileKeyOf(caller.accountId, 'exports', newId());
  await putFile(key, Buffer.concat(chunks), XLSX_TYPE);
  return { url: await downloadUrl(key, fileName), fileName };
}

/** The users whose records an `own` or `group` export right covers. */
async function ownersOf(caller: Caller, scope: 'own' | 'group') {
  if (scope === 'own' || !caller.groupId) return new Set([caller.userId]);
  const { data } = await db.user.query.byId({ accountId: caller.accountId }).go({ pages: 'all' });
  return new Set([caller.userId, ...data.filter((u) => u.groupId === caller.groupId).map((u) => u.userId)]);
}
