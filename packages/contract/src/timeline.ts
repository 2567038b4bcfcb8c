// A lead's, contact's or company's timeline: its events, notes, tasks and messages, newest first.
import * as z from 'zod';
import { ListQuery, Timestamp } from './common.ts';
import { CrmEvent } from './events.ts';
import { Message } from './messages.ts';
import { Note } from './notes.ts';
import { Task } from './tasks.ts';

/** One entry: `at` is when the event occurred, or when the note or task was created. */
export const TimelineItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), at: Timestamp, event: CrmEvent }),
  z.object({ kind: z.literal('note'), at: Timestamp, note: Note }),
  z.object({ kind: z.literal('task'), at: Timestamp, task: Task }),
  z.object({ kind: z.literal('message'), at: Timestamp, message: Message }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelineQuery = ListQuery;
