import { page } from '../common.ts';
import { Note, NoteCreate, NoteListQuery } from '../notes.ts';
import { perRecordKind, RECORD_NAMES } from '../endpoints.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default perRecordKind((kind) => ({
  'notes.list': { summary: `A ${RECORD_NAMES[kind]}'s notes, newest first`, query: NoteListQuery, response: page(Note) },
  'notes.create': { summary: `Add a note to a ${RECORD_NAMES[kind]}`, body: NoteCreate, response: Note, status: 201 },
  'notes.get': { summary: `Get a ${RECORD_NAMES[kind]}'s note`, response: Note },
})) satisfies GroupOperations<'notes'>;
