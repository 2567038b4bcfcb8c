// Notes on leads, contacts and companies: the same three routes under each record path.
import type { RecordType } from '@crm/contract';
import { addNote, getNote, listNotes, type Caller, type WriteOptions } from '@crm/core';
import { defineResource } from '../http/resource.ts';

type Req<Q = unknown, B = unknown> = { caller: Caller; params: Record<string, string>; query: Q; body: B; options: WriteOptions };

const list =
  (type: RecordType) =>
  async ({ caller, params, query }: Req<Parameters<typeof listNotes>[2]>) =>
    listNotes(caller, { type, id: params.id! }, query);
const add =
  (type: RecordType) =>
  async ({ caller, params, body, options }: Req<unknown, Parameters<typeof addNote>[2]>) =>
    addNote(caller, { type, id: params.id! }, body, options);
const get =
  (type: RecordType) =>
  async ({ caller, params }: Req) =>
    getNote(caller, { type, id: params.id! }, params.noteId!);

export const handler = defineResource('notes', {
  'GET /api/v1/leads/{id}/notes': list('lead'),
  'POST /api/v1/leads/{id}/notes': add('lead'),
  'GET /api/v1/leads/{id}/notes/{noteId}': get('lead'),
  'GET /api/v1/contacts/{id}/notes': list('contact'),
  'POST /api/v1/contacts/{id}/notes': add('contact'),
  'GET /api/v1/contacts/{id}/notes/{noteId}': get('contact'),
  'GET /api/v1/companies/{id}/notes': list('company'),
  'POST /api/v1/companies/{id}/notes': add('company'),
  'GET /api/v1/companies/{id}/notes/{noteId}': get('company'),
});
