// Notes on leads, contacts and companies through HTTP: add each type, list newest first
// with cursor walks, note.added, a parent that must exist, and no note under another record.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();

describe('Resource: notes', () => {
  let acme: TestAccount;
  const records: Record<string, string> = {};
  beforeAll(async () => {
    acme = await api.account('Notes & Co');
    records.leads = (await created(acme, '/api/v1/leads', { name: 'Noted deal' })).id;
    records.contacts = (await created(acme, '/api/v1/contacts', { name: 'Noted person' })).id;
    records.companies = (await created(acme, '/api/v1/companies', { name: 'Noted firm' })).id;
  });

  it.each(['leads', 'contacts', 'companies'])('adds every note type to %s and lists them newest first, each once', async (collection) => {
    const base = `/api/v1/${collection}/${records[collection]}/notes`;
    const types = ['common', 'call_in', 'call_out', 'sms', 'email'];
    const ids: string[] = [];
    for (const type of types) {
      const res = await acme.request('POST', base, { text: `A ${type} note`, type });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.headers.get('location')).toBe(`${base}/${res.body.id}`);
      expect(res.body).toMatchObject({ text: `A ${type} note`, type, createdBy: acme.userId, version: 1 });
      expect(res.body.entity).toEqual({ type: collection === 'companies' ? 'company' : collection.slice(0, -1), id: records[collection] });
      ids.push(res.body.id);
    }
    expect(await walk(acme, base, 2)).toEqual([...ids].reverse());
    const one = await acme.request('GET', `${base}/${ids[0]}`);
    expect(one.body).toMatchObject({ id: ids[0], type: 'common' });
  });

  it('defaults the type to common and writes note.added in the same transaction', async () => {
    const note = await created(acme, `/api/v1/leads/${records.leads}/notes`, { text: 'Just a remark' });
    expect(note.type).toBe('common');
    const events = (await acme.request('GET', `/api/v1/events?entityType=note&entityId=${note.id}`)).body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'note.added', actor: { type: 'user', id: acme.userId }, data: { note } });
  });

  it('answers 404 for a record that does not exist (or is of another account) and for a note of another record', async () => {
    const other = await api.account('Strangers');
    expect((await acme.request('GET', '/api/v1/leads/NOSUCHLEAD/notes')).status).toBe(404);
    expect((await acme.request('POST', '/api/v1/contacts/NOSUCHCONTACT/notes', { text: 'x' })).status).toBe(404);
    expect((await other.request('GET', `/api/v1/leads/${records.leads}/notes`)).status).toBe(404);
    expect((await other.request('POST', `/api/v1/leads/${records.leads}/notes`, { text: 'sneaky' })).status).toBe(404);
    const note = await created(acme, `/api/v1/leads/${records.leads}/notes`, { text: 'Mine' });
    expect((await acme.request('GET', `/api/v1/contacts/${records.contacts}/notes/${note.id}`)).status).toBe(404);
    // A note path under the wrong kind of record with the same id is not found either.
    expect((await acme.request('GET', `/api/v1/companies/${records.leads}/notes`)).status).toBe(404);
  });

  it('answers 400 on bad input and changes nothing', async () => {
    const base = `/api/v1/companies/${records.companies}/notes`;
    const before = await walk(acme, base, 50);
    for (const body of [{ text: '' }, { text: 'x', type: 'fax' }, { type: 'sms' }, { text: 'x', extra: 1 }, { text: 'x'.repeat(20_001) }]) {
      const res = await acme.request('POST', base, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    expect(await walk(acme, base, 50)).toEqual(before);
  });

  it('replays a create with the same Idempotency-Key instead of adding twice', async () => {
    const base = `/api/v1/contacts/${records.contacts}/notes`;
    const key = { 'idempotency-key': `note-${Date.now()}` };
    const first = await acme.request('POST', base, { text: 'Called, no answer', type: 'call_out' }, key);
    const again = await acme.request('POST', base, { text: 'Called, no answer', type: 'call_out' }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await walk(acme, base, 50)).filter((id) => id === first.body.id)).toHaveLength(1);
  });
});
