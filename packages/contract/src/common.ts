// Shapes shared by every resource: ids, timestamps, the entity base, lists and problems.
import * as z from 'zod';
import { name, tag, text } from './text.ts';

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'not an id');
export const Timestamp = z.iso.datetime({ offset: false });

/**
 * A number DynamoDB can keep: 0 or a magnitude from 1e-130 to below 1e126. JSON allows more
 * (1e-200), and such a number would fail the write instead of being a 400 on its field.
 */
export const StorableNumber = z
  .number()
  .finite()
  .refine((n) => n === 0 || (Math.abs(n) >= 1e-130 && Math.abs(n) < 1e126), 'is too close to zero or too large to be stored')
  .meta({ description: 'A number of magnitude 0 or 1e-130 to 1e125' });

/**
 * Money is kept to millionths: a price of 1e-131 is refused, 0.1 + 0.2 is kept as 0.3, and the
 * stage and day sums that DynamoDB adds up stay well inside its 38 significant digits.
 */
export const Money = StorableNumber.min(0)
  .max(1e13)
  .overwrite((n) => Math.round(n * 1e6) / 1e6)
  .meta({ description: "An amount in the account's currency, 0 to 1e13, kept to six decimal places" });
export const Tag = tag();
export const Name = name();

/** Fields every stored entity carries. */
export const EntityBase = z.object({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  createdBy: z.string(),
  version: z.number().int().min(1),
});

/** `?limit&cursor` of every list. Query values arrive as strings. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(250).default(50),
  cursor: z.string().max(2048).optional(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export type CustomFieldValue = string | number | boolean | string[] | null;

/**
 * Custom-field values keyed by field id; validated against the account's field definitions.
 * A record drops an own `__proto__` key while it parses, so it is refused before, like any
 * other id that names no field.
 */
export const CustomFieldValues = z.preprocess(
  (values: Record<string, CustomFieldValue>, ctx) => {
    if (values && typeof values === 'object' && Object.hasOwn(values, '__proto__')) {
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'no such custom field', input: values });
    }
    return values;
  },
  z
    .record(
      Id,
      z.union([text({ max: 10_000, multiline: true }), StorableNumber, z.boolean(), z.array(text({ max: 255 })).max(100), z.null()]),
    )
    .refine((values) => JSON.stringify(values).length <= 64 * 1024, 'custom field values may take 64 KB in all'),
);

/** A time range of a list query must not end before it starts. */
export const orderedRange = <From extends string, To extends string>(from: From, to: To) =>
  [
    (q: Partial<Record<From | To, string>>) => !q[from] || !q[to] || Date.parse(q[from]!) <= Date.parse(q[to]!),
    { message: `${to} is before ${from}`, path: [to] as PropertyKey[] },
  ] as const;

/** A query flag such as `?allowDuplicate=true`. */
export const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
