// Tags in use: every tag that at least one lead, contact or company carries, with its count.
import * as z from 'zod';
import { ListQuery } from './common.ts';
import { RecordCollection } from './custom-fields.ts';

export const TagInUse = z.object({ tag: z.string(), count: z.number().int().min(1) });
export type TagInUse = z.infer<typeof TagInUse>;

export const TagListQuery = ListQuery.extend({ entityType: RecordCollection });
export type TagListQuery = z.infer<typeof TagListQuery>;
