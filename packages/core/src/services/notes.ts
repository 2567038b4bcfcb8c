// Notes on leads, contacts and companies (remarks, calls in and out, SMS, e-mail). A note is
// added once and read with its record's notes or timeline; it is not edited.
import type { z } from 'zod';
import type { Note, NoteCreate, NoteListQuery, RecordRef } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { notFound } from '../errors.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireViewableRecord } from '../reads/records.ts';
import { stampsOf } from '../model/stamps.ts';

export type NoteItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.note.get>['go']>>['data']>;

export const toNote = (n: NoteItem): Note => ({
  id: n.noteId,
  text: n.text,
  type: n.type,
  entity: { type: n.entityType as RecordRef['type'], id: n.entityId },
  ...stampsOf(n),
});

const notes = aggregate({
  type: 'note',
  label: 'Note',
  dataKey: 'note',
  read: async (caller, noteId) => (await db.note.get({ accountId: caller.accountId, noteId }).go()).data,
  store: entityStore<NoteItem>(db.note, (n) => ({ accountId: n.accountId, noteId: n.noteId })),
  toContract: toNote,
  tracked: ['text', 'type'],
});

/** Adds a note to a record the caller may view (telephony and other integrations too). */
export async function addNote(caller: Caller, record: RecordRef, input: z.output<typeof NoteCreate>, options?: WriteOptions) {
  await requireViewableRecord(caller, record);
  return notes.create(
    caller,
    options,
    () => {
      const at = now();
      const item: NoteItem = {
        accountId: caller.accountId,
        noteId: newId(),
        text: input.text,
        type: input.type,
        entityType: record.type,
        entityId: record.id,
        createdAt: at,
        updatedAt: at,
        createdBy: caller.userId,
        version: 1,
      };
      return { item };
    },
    { event: 'added' },
  );
}

export async function getNote(caller: Caller, record: RecordRef, noteId: string) {
  await requireViewableRecord(caller, record);
  const note = await notes.get(caller, noteId);
  if (note.entity.type !== record.type || note.entity.id !== record.id) throw notFound('Note');
  return note;
}

/** A record's notes, newest first. */
export async function listNotes(caller: Caller, record: RecordRef, query: z.output<typeof NoteListQuery>) {
  await requireViewableRecord(caller, record);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf(
    (o) =>
      db.note.query.byRecord({ accountId: caller.accountId, entityType: record.type, entityId: record.id }).go({ ...o, order: 'desc' }),
    { limit: query.limit, cursor },
    toNote,
  );
}
