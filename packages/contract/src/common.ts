// Shapes shared by every resource: ids, timestamps, the entity base, lists and problems.
import * as z from 'zod';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'not an id');
export const Timestamp = z.iso.datetime({ offset: false });
export const Money = z.number().finite().min(0).max(1e13);
export const Tag = z.string().trim().min(1).max(50);
export const Name = z.string().trim().min(1).max(255);

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

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Custom-field values keyed by field id; validated against the account's field definitions. */
export const CustomFieldValues = z.record(
  Id,
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(255)).max(100), z.null()]),
).refine((values) => JSON.stringify(values).length <= 64 * 1024, 'custom field values may take 64 KB in all');

/** A time range of a list query must not end before it starts. */
export const orderedRange = <From extends string, To extends string>(from: From, to: To) =>
  [
    (q: Partial<Record<From | To, string>>) => !q[from] || !q[to] || Date.parse(q[from]!) <= Date.parse(q[to]!),
    { message: `${to} is before ${from}`, path: [to] as PropertyKey[] },
  ] as const;

/** A query flag such as `?allowDuplicate=true`. */
export const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
