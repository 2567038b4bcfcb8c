// Imports of a client base from CSV/XLSX (an amoCRM/Kommo export included) and exports of any list.
import * as z from 'zod';
import { Id, ListQuery, Timestamp } from './common.ts';
import { CompanyListQuery } from './companies.ts';
import { ContactListQuery } from './contacts.ts';
import { RECORD_KINDS } from './endpoints.ts';
import { LeadListQuery } from './leads.ts';
import { text } from './text.ts';

/** An import fills one kind of record. */
export const ImportEntityType = z.enum(RECORD_KINDS);
export type ImportEntityType = z.infer<typeof ImportEntityType>;

/**
 * The fields a column can fill. A leads file carries its contact's and company's columns too;
 * `custom.<fieldId>` fills a custom field of the file's own record kind.
 */
export const IMPORT_FIELDS = [
  'lead.name',
  'lead.price',
  'lead.pipeline',
  'lead.stage',
  'lead.tags',
  'lead.note',
  'responsible',
  'createdAt',
  'contact.name',
  'contact.phone',
  'contact.mobile',
  'contact.email',
  'contact.position',
  'contact.tags',
  'company.name',
  'company.phone',
  'company.email',
  'company.website',
  'company.address',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number] | `custom.${string}`;
export const ImportFieldName = z.union([z.enum(IMPORT_FIELDS), z.string().regex(/^custom\.[0-9A-Za-z]{1,40}$/)]) as z.ZodType<ImportField>;

/** Field -> the header of the column that fills it. */
export const ImportMapping = z.partialRecord(ImportFieldName, text({ min: 1, max: 200 }));
export type ImportMapping = z.infer<typeof ImportMapping>;

/** What a row whose contact (by phone or e-mail) or company (by name) exists already does. */
export const OnDuplicate = z.enum(['update', 'skip', 'create']);
export type OnDuplicate = z.infer<typeof OnDuplicate>;

const Settings = {
  mapping: ImportMapping.optional(),
  onDuplicate: OnDuplicate.default('update'),
  /** Create stages that the file names and the pipeline lacks (else such rows fail). */
  createMissing: z.boolean().default(true),
};

/** A file under the API's body limit, sent inline; anything bigger goes through `uploadUrl`. */
const MAX_INLINE_CSV = 900_000;

export const ImportCreate = z.union([
  z.strictObject({ entityType: ImportEntityType, csv: z.string().min(1).max(MAX_INLINE_CSV), ...Settings }),
  z.strictObject({ entityType: ImportEntityType, fileName: text({ min: 1, max: 255 }), ...Settings }),
]);
export type ImportCreate = z.infer<typeof ImportCreate>;

export const ImportStart = z.strictObject(Settings);
export type ImportStart = z.infer<typeof ImportStart>;

export const ImportStatus = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportRowError = z.object({ row: z.number().int(), message: z.string() });

export const ImportJob = z.object({
  id: Id,
  entityType: ImportEntityType,
  fileName: z.string(),
  status: ImportStatus,
  total: z.number().int().nullable(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** The first failed rows with the reason (the failed-rows CSV has all of them). */
  errors: z.array(ImportRowError),
  mapping: ImportMapping,
  onDuplicate: OnDuplicate,
  createMissing: z.boolean(),
  /** Present until the file is uploaded: a pre-signed PUT, valid for an hour. */
  uploadUrl: z.string().optional(),
  createdAt: Timestamp,
  createdBy: Id,
  finishedAt: Timestamp.nullable(),
  /** When its records went to the trash (undo, within 7 days of the import). */
  undoneAt: Timestamp.nullable(),
  /** The undo, run by the worker after a 202: `running` while it moves records to the trash, then `done`. */
  undoStatus: z.enum(['running', 'done']).nullable(),
  /** Records the undo has moved to the trash so far. */
  undone: z.number().int(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** The file's columns, its first rows and the mapping proposed from the headers. */
export const ImportPreview = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  mapping: ImportMapping,
  /** What a column may be mapped to: the fixed fields and the custom fields by name. */
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportListQuery = ListQuery;
export type ImportListQuery = z.infer<typeof ImportListQuery>;

/**
 * The kind and format, and the list's own filters (checked by that list's query schema,
 * `EXPORT_FILTERS`, so an unknown one is a 400 as on the list); an export takes every page.
 */
export const ExportQuery = z.looseObject({ entityType: ImportEntityType, format: z.enum(['csv', 'xlsx']).default('csv') });
export type ExportQuery = z.infer<typeof ExportQuery>;
export const EXPORT_FILTERS = { leads: LeadListQuery, contacts: ContactListQuery, companies: CompanyListQuery } as const;
