// Custom fields: the account's own fields on leads, contacts and companies. Their values
// live in each record's `customFields`, keyed by field id, and are checked on every write.
import * as z from 'zod';
import { EntityBase, ListQuery, Name, StorableNumber } from './common.ts';
import { CUSTOM_FIELD_TYPES } from './custom-field-types.ts';
import { name, text } from './text.ts';

/** The record collections that carry custom fields and tags. */
export const RecordCollection = z.enum(['leads', 'contacts', 'companies']);
export type RecordCollection = z.infer<typeof RecordCollection>;

export { CUSTOM_FIELD_TYPES };
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** Most options a select or multiselect field offers. */
export const MAX_FIELD_OPTIONS = 200;

export const CustomField = EntityBase.extend({
  entityType: RecordCollection,
  name: z.string(),
  type: CustomFieldType,
  /** The choices of a select or multiselect field; empty for other types. */
  options: z.array(z.string()),
  required: z.boolean(),
});
export type CustomField = z.infer<typeof CustomField>;

const Options = z
  .array(name())
  .max(MAX_FIELD_OPTIONS)
  .refine((o) => new Set(o).size === o.length, 'an option is listed twice');

const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

export const CustomFieldCreate = z
  .strictObject({
    entityType: RecordCollection,
    name: Name,
    type: CustomFieldType,
    options: Options.optional(),
    required: z.boolean().optional(),
  })
  .superRefine((f, ctx) => {
    if (hasOptions(f.type) && !f.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${f.type} field needs options` });
    if (!hasOptions(f.type) && f.options?.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a ${f.type} field has no options` });
  });

/** The type and the collection of a field stay: stored values were checked against them. */
export const CustomFieldPatch = z.strictObject({
  name: Name.optional(),
  options: Options.optional(),
  required: z.boolean().optional(),
});

export const CustomFieldListQuery = ListQuery.extend({ entityType: RecordCollection.optional() });
export type CustomFieldListQuery = z.infer<typeof CustomFieldListQuery>;

// What a value of each type may be when it is written, and what is stored. `null` (and an
// empty text or list) clears a value; that is handled before these run.
const NUMERIC = /^[+-]?\d+(?:[.,]\d+)?$/;
const withScheme = (s: string) => (/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
const isWebAddress = (s: string) => {
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && (url.hostname.includes('.') || url.hostname === 'localhost');
  } catch {
    return false;
  }
};

export const CUSTOM_FIELD_VALUES = {
  text: { describe: 'text', schema: text({ max: 10_000, multiline: true }) },
  /** Numeric strings ("1500", "2,5") are accepted, as CSV imports and forms send them. */
  number: {
    describe: 'a number',
    schema: z
      .union([
        z.number(),
        z
          .string()
          .trim()
          .regex(NUMERIC)
          .transform((s) => Number(s.replace(',', '.'))),
      ])
      .pipe(StorableNumber.min(-1e15).max(1e15)),
  },
  select: { describe: 'one of the options', schema: text({ max: 255 }) },
  multiselect: { describe: 'a list of options', schema: z.array(text({ max: 255 })).max(MAX_FIELD_OPTIONS) },
  /** A calendar date as written, or an ISO date-time kept in UTC. */
  date: {
    describe: 'a date (YYYY-MM-DD) or an ISO date-time',
    schema: z.union([z.iso.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())]),
  },
  /** A web address; "example.com" is taken as https://example.com. */
  url: { describe: 'a web address (http or https)', schema: text({ max: 2048 }).transform(withScheme).refine(isWebAddress) },
  checkbox: { describe: 'true or false', schema: z.boolean() },
} as const satisfies Record<CustomFieldType, { describe: string; schema: z.ZodType }>;
