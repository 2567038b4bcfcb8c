// Notes on leads, contacts and companies: written remarks and records of calls, SMS and e-mail.
import * as z from 'zod';
import { EntityBase, ListQuery } from './common.ts';
import { text } from './text.ts';
import { RecordRef } from './tasks.ts';

export const NoteType = z.enum(['common', 'call_in', 'call_out', 'sms', 'email']);
export type NoteType = z.infer<typeof NoteType>;

export const Note = EntityBase.extend({ text: z.string(), type: NoteType, entity: RecordRef });
export type Note = z.infer<typeof Note>;

export const NoteCreate = z.strictObject({ text: text({ min: 1, max: 20_000, multiline: true }), type: NoteType.default('common') });
export const NoteListQuery = ListQuery;
