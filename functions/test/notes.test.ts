// Notes on leads, contacts and companies through HTTP: add each type, list newest first
// with cursor walks, note.added, a parent that must exist, and no note under another record.
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS, type NoteType, type RecordKind } from '@crm/contract';
import { useApi, walkIds, type CrmUser } from './support/api.ts';

const api = useApi();

describe('Resource: notes', () => {
  let acme: CrmUser;
  const records = {} as Record<RecordKind, string>;
  beforeAll(async () => {
    acme = await api.account('Notes & Co');
    records.leads = (await acme.client.leads.create({ name: 'Noted deal' })).id;
    records.contacts = (await acme.client.contacts.create({ name: 'Noted person' })).id;
    records.companies = (await acme.client.companies.create({ name: 'Noted firm' })).id;
  });

  it.each(RECORD_KINDS)('adds every note type to %s and lists them newest first, each once', async (kind) => {
    const notes = acme.answer[kind].notes;
    const id = records[kind];
    const types: NoteType[] = ['common', 'call_in', 'call_out', 'sms', 'email'];
    const ids: string[] = [];
    for (const type of types) {
      const res = await notes.create({ id }, { text: `A ${type} note`, type });
      if (!res.ok) throw new Error(JSON.stringify(res.problem));
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/${kind}/${id}/notes/${res.body.id}`);
      expect(res.body).toMatchObject({ text: `A ${type} note`, type, createdBy: acme.userId, version: 1 });
      expect(res.body.entity).toEqual({ type: kind === 'companies' ? 'company' : kind.slice(0, -1), id });
      ids.push(res.body.id);
    }
    expect(await walkIds((page) => acme.client[kind].notes.list({ id }, page))).toEqual([...ids].reverse());
    expect(await acme.client[kind].notes.get({ id, noteId: ids[0] })).toMatchObject({ id: ids[0], type: 'common' });
  });

  it('defaults the type to common and writes note.added in the same transaction', async () => {
    const note = await acme.client.leads.notes.create({ id: records.leads }, { text: 'Just a remark' });
    expect(note.type).toBe('common');
    const events = (await acme.client.events.list({ entityType: 'note', entityId: note.id })).items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'note.added', actor: { type: 'user', id: acme.userId }, data: { note } });
  });

  it('answers 404 for a record that does not exist (or is of another account) and for a note of another record', async () => {
    const other = await api.account('Strangers');
    expect((await acme.answer.leads.notes.list({ id: 'NOSUCHLEAD' })).status).toBe(404);
    expect((await acme.answer.contacts.notes.create({ id: 'NOSUCHCONTACT' }, { text: 'x' })).status).toBe(404);
    expect((await other.answer.leads.notes.list({ id: records.leads })).status).toBe(404);
    expect((await other.answer.leads.notes.create({ id: records.leads }, { text: 'sneaky' })).status).toBe(404);
    const note = await acme.client.leads.notes.create({ id: records.leads }, { text: 'Mine' });
    expect((await acme.answer.contacts.notes.get({ id: records.contacts, noteId: note.id })).status).toBe(404);
    // A note path under the wrong kind of record with the same id is not found either.
    expect((await acme.answer.companies.notes.list({ id: records.leads })).status).toBe(404);
  });

  it('answers 400 on bad input and changes nothing', async () => {
    // Bodies the contract refuses: sent raw, as a client without the types would.
    const base = `/api/v1/companies/${records.companies}/notes`;
    const list = (page: { limit: number; cursor?: string }) => acme.client.companies.notes.list({ id: records.companies }, page);
    const before = await walkIds(list, 50);
    for (const body of [{ text: '' }, { text: 'x', type: 'fax' }, { type: 'sms' }, { text: 'x', extra: 1 }, { text: 'x'.repeat(20_001) }]) {
      const res = await acme.request('POST', base, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await walkIds(list, 50)).toEqual(before);
  });

  it('replays a create with the same Idempotency-Key instead of adding twice', async () => {
    const id = records.contacts;
    const idempotencyKey = `note-${Date.now()}`;
    const first = await acme.client.contacts.notes.create({ id }, { text: 'Called, no answer', type: 'call_out' }, { idempotencyKey });
    const again = await acme.answer.contacts.notes.create({ id }, { text: 'Called, no answer', type: 'call_out' }, { idempotencyKey });
    expect(again).toMatchObject({ status: 201, body: { id: first.id } });
    expect((await walkIds((page) => acme.client.contacts.notes.list({ id }, page), 50)).filter((n) => n === first.id)).toHaveLength(1);
  });
});
