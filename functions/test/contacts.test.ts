// Contacts through HTTP: CRUD with events, de-duplication by phone and e-mail, filters,
// sorts, paging, and the links to leads read both ways.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@crm/core';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();
let acme: TestAccount;
beforeAll(async () => {
  acme = await api.account();
});

const contact = (account: TestAccount, body: Record<string, unknown>, query = '') =>
  account.request('POST', `/api/v1/contacts${query}`, body);
const eventsOf = async (account: TestAccount, id: string) =>
  (await account.request('GET', `/api/v1/events?entityType=contact&entityId=${id}`)).body.items as Array<{
    type: string;
    changes?: unknown[];
  }>;

describe('Resource: contacts', () => {
  describe('Method: create, get, patch, delete', () => {
    it('creates with 201, Location and ETag, reads it back, and logs contact.created', async () => {
      // Act
      const res = await contact(acme, {
        name: 'Иван Петров',
        phones: [{ value: '+7 (913) 111-22-33', type: 'mobile' }],
        emails: [{ value: 'Ivan@Example.RU' }],
        position: 'Director',
        tags: ['vip'],
      });
      // Assess
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/contacts/${res.body.id}`);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.body).toMatchObject({
        name: 'Иван Петров',
        phones: [{ value: '+7 (913) 111-22-33', type: 'mobile' }],
        emails: [{ value: 'ivan@example.ru', type: 'work' }],
        position: 'Director',
        companyId: null,
        responsibleUserId: acme.userId,
        tags: ['vip'],
        customFields: {},
        nearestTaskAt: null,
        version: 1,
      });
      const read = await acme.request('GET', `/api/v1/contacts/${res.body.id}`);
      expect(read.body).toEqual(res.body);
      expect((await eventsOf(acme, res.body.id)).map((e) => e.type)).toEqual(['contact.created']);
    });

    it('patches partially, clears with null, answers 412 to a stale If-Match and logs the changes', async () => {
      // Prepare
      const c = await created(acme, '/api/v1/contacts', { name: 'Patch Me', position: 'Manager', phones: [{ value: '+7 900 000-00-01' }] });
      // Act
      const patched = await acme.request(
        'PATCH',
        `/api/v1/contacts/${c.id}`,
        { position: null, tags: ['b', 'b', 'a'] },
        { 'if-match': '"1"' },
      );
      const stale = await acme.request('PATCH', `/api/v1/contacts/${c.id}`, { name: 'Lost update' }, { 'if-match': '"1"' });
      // Assess
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Patch Me', position: null, tags: ['b', 'a'], version: 2, phones: c.phones });
      expect(stale.status).toBe(412);
      expect((await acme.request('GET', `/api/v1/contacts/${c.id}`)).body.name).toBe('Patch Me');
      const updated = (await eventsOf(acme, c.id)).find((e) => e.type === 'contact.updated');
      expect(updated?.changes).toEqual([
        { field: 'position', from: 'Manager', to: null },
        { field: 'tags', from: [], to: ['b', 'a'] },
      ]);
    });

    it('rejects bad input with field paths and unknown query parameters', async () => {
      const noDigits = await contact(acme, { name: 'X', phones: [{ value: 'call me' }] });
      expect(noDigits.status).toBe(400);
      expect(noDigits.body.errors).toEqual([{ path: 'phones.0.value', message: 'not a phone number' }]);
      const badEmail = await contact(acme, { name: 'X', emails: [{ value: 'not-an-email' }] });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body.errors[0].path).toBe('emails.0.value');
      expect((await acme.request('GET', '/api/v1/contacts?colour=red')).status).toBe(400);
      const unknownCompany = await contact(acme, { name: 'X', companyId: '01JUNKNOWNCOMPANY0000000000' });
      expect(unknownCompany.status).toBe(400);
      expect(unknownCompany.body.errors).toEqual([{ path: 'companyId', message: 'unknown company' }]);
    });

    it('deletes with 204 and logs contact.deleted; the contact is then 404', async () => {
      const c = await created(acme, '/api/v1/contacts', { name: 'Short-lived' });
      expect((await acme.request('DELETE', `/api/v1/contacts/${c.id}`)).status).toBe(204);
      expect((await acme.request('GET', `/api/v1/contacts/${c.id}`)).status).toBe(404);
      expect((await eventsOf(acme, c.id)).map((e) => e.type)).toContain('contact.deleted');
    });
  });

  describe('Method: de-duplication', () => {
    it('answers 409 with existingId for a known phone in another format or a known e-mail in another case', async () => {
      // Prepare
      const first = await created(acme, '/api/v1/contacts', {
        name: 'Dup Source',
        phones: [{ value: '+7 (913) 909-73-32' }],
        emails: [{ value: 'dup@example.com' }],
      });
      // Act
      const byPhone = await contact(acme, { name: 'Dup Phone', phones: [{ value: '89139097332' }] });
      const byEmail = await contact(acme, { name: 'Dup Mail', emails: [{ value: 'DUP@example.COM' }] });
      // Assess
      expect(byPhone.status).toBe(409);
      expect(byPhone.headers.get('content-type')).toContain('application/problem+json');
      expect(byPhone.body).toMatchObject({ existingId: first.id, errors: [{ path: 'phones.0.value' }] });
      expect(byEmail.status).toBe(409);
      expect(byEmail.body.existingId).toBe(first.id);
    });

    it('creates the duplicate with ?allowDuplicate=true; the phone filter then finds both', async () => {
      const first = await created(acme, '/api/v1/contacts', { name: 'Twin A', phones: [{ value: '+7 999 100-00-01' }] });
      const twin = await contact(acme, { name: 'Twin B', phones: [{ value: '8 999 100 00 01' }] }, '?allowDuplicate=true');
      expect(twin.status).toBe(201);
      const found = await acme.request('GET', '/api/v1/contacts?phone=9991000001');
      expect(found.body.items.map((c: { id: string }) => c.id).sort()).toEqual([first.id, twin.body.id].sort());
      // The first holder is still the one a later create is told about.
      expect((await contact(acme, { name: 'Twin C', phones: [{ value: '79991000001' }] })).body.existingId).toBe(first.id);
    });

    it('lets only one of two simultaneous creates with the same phone pass', async () => {
      const answers = await Promise.all(
        [1, 2, 3].map((n) => contact(acme, { name: `Racer ${n}`, phones: [{ value: '+7 912 345-67-89' }] })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      const winner = answers.find((a) => a.status === 201)!.body.id;
      expect(answers.filter((a) => a.status === 409).map((a) => a.body.existingId)).toEqual([winner, winner]);
    });

    it('moves the claims when a patch changes phones, and frees them on delete', async () => {
      const c = await created(acme, '/api/v1/contacts', { name: 'Mover', phones: [{ value: '+7 901 000-00-01' }] });
      expect((await acme.request('PATCH', `/api/v1/contacts/${c.id}`, { phones: [{ value: '+7 901 000-00-02' }] })).status).toBe(200);
      expect((await contact(acme, { name: 'Takes old', phones: [{ value: '+7 901 000-00-01' }] })).status).toBe(201);
      expect((await contact(acme, { name: 'Wants new', phones: [{ value: '+7 901 000-00-02' }] })).body.existingId).toBe(c.id);
      const other = await created(acme, '/api/v1/contacts', { name: 'Other', phones: [{ value: '+7 901 000-00-03' }] });
      const clash = await acme.request('PATCH', `/api/v1/contacts/${other.id}`, { phones: [{ value: '89010000002' }] });
      expect(clash.status).toBe(409);
      expect(clash.body.existingId).toBe(c.id);
      expect((await acme.request('DELETE', `/api/v1/contacts/${c.id}`)).status).toBe(204);
      expect((await contact(acme, { name: 'After delete', phones: [{ value: '+7 901 000-00-02' }] })).status).toBe(201);
    });

    it("does not see another account's contacts as duplicates", async () => {
      const other = await api.account('Other Co');
      await created(acme, '/api/v1/contacts', { name: 'Mine', phones: [{ value: '+7 955 555-55-55' }] });
      expect((await contact(other, { name: 'Theirs', phones: [{ value: '+7 955 555-55-55' }] })).status).toBe(201);
    });
  });

  describe('Method: list', () => {
    let crm: TestAccount;
    let ids: Record<string, string>;
    beforeAll(async () => {
      crm = await api.account('List Co');
      const company = await created(crm, '/api/v1/companies', { name: 'Vector' });
      const make = async (name: string, body: Record<string, unknown> = {}) =>
        (await created(crm, '/api/v1/contacts', { name, ...body })).id as string;
      ids = {
        anna: await make('Анна Смирнова', { phones: [{ value: '+7 (913) 909-73-32' }], tags: ['vip'], companyId: company.id }),
        boris: await make('Борис Ёлкин', { emails: [{ value: 'boris@vector.ru' }], companyId: company.id }),
        clara: await make('Clara Oswald', { tags: ['vip'] }),
        dmitry: await make('Дмитрий', { phones: [{ value: '+7 913 000-00-04' }] }),
        elena: await make('Елена'),
        fedor: await make('Фёдор', { tags: ['new'] }),
        george: await make('George'),
      };
      ids.company = company.id;
    });

    const names = async (query: string) =>
      ((await crm.request('GET', `/api/v1/contacts?${query}`)).body.items as Array<{ name: string }>).map((c) => c.name);

    it('walks every contact exactly once with limit=2, in each sort order', async () => {
      const all = Object.entries(ids)
        .filter(([k]) => k !== 'company')
        .map(([, id]) => id);
      for (const sort of ['createdAt', '-createdAt', 'name', '-name', 'updatedAt', '-updatedAt', 'nearestTask']) {
        const seen = await walk(crm, `/api/v1/contacts?sort=${sort}`);
        expect(seen.length, sort).toBe(7);
        expect(new Set(seen), sort).toEqual(new Set(all));
      }
      expect(await walk(crm, '/api/v1/contacts')).toEqual([...all].reverse());
    });

    it('sorts by name (case- and ё-insensitive) both ways', async () => {
      expect(await names('sort=name')).toEqual(['Clara Oswald', 'George', 'Анна Смирнова', 'Борис Ёлкин', 'Дмитрий', 'Елена', 'Фёдор']);
      expect((await names('sort=-name'))[0]).toBe('Фёдор');
    });

    it('sorts by nearest task with contacts without a task last', async () => {
      // The tasks service keeps nearestTaskAt; here it is set directly.
      const set = (id: string, at: string) => db.contact.patch({ accountId: crm.accountId, contactId: id }).set({ nearestTaskAt: at }).go();
      await set(ids.elena, '2030-01-02T09:00:00.000Z');
      await set(ids.clara, '2030-01-01T09:00:00.000Z');
      const sorted = await names('sort=nearestTask');
      expect(sorted.slice(0, 2)).toEqual(['Clara Oswald', 'Елена']);
      expect(sorted).toHaveLength(7);
      expect((await crm.request('GET', `/api/v1/contacts/${ids.clara}`)).body.nearestTaskAt).toBe('2030-01-01T09:00:00.000Z');
    });

    it('filters by q, phone in any format, e-mail, company, responsible and tag', async () => {
      expect(await names('q=елкин')).toEqual(['Борис Ёлкин']);
      for (const phone of ['+7 (913) 909-73-32', '89139097332', '9139097332']) {
        expect(await names(`phone=${encodeURIComponent(phone)}`), phone).toEqual(['Анна Смирнова']);
      }
      expect(await names('phone=0000')).toEqual([]);
      expect(await names('email=BORIS@vector.ru')).toEqual(['Борис Ёлкин']);
      expect((await names(`companyId=${ids.company}`)).sort()).toEqual(['Анна Смирнова', 'Борис Ёлкин']);
      expect(await names(`responsibleUserId=${crm.userId}&tag=new`)).toEqual(['Фёдор']);
      expect(await names('tag=vip&sort=name')).toEqual(['Clara Oswald', 'Анна Смирнова']);
      expect(await walk(crm, `/api/v1/contacts?companyId=${ids.company}`, 1)).toEqual([ids.boris, ids.anna]);
    });

    it('refuses a cursor of another account', async () => {
      const page = await crm.request('GET', '/api/v1/contacts?limit=2');
      expect((await acme.request('GET', `/api/v1/contacts?cursor=${page.body.nextCursor}`)).status).toBe(400);
    });
  });

  describe('Method: links to leads', () => {
    it("lists a contact's leads from one Query with a current snapshot, and leads by contactId", async () => {
      // Prepare
      const ann = await created(acme, '/api/v1/contacts', { name: 'Linked Ann' });
      const bob = await created(acme, '/api/v1/contacts', { name: 'Linked Bob' });
      const lead = await created(acme, '/api/v1/leads', { name: 'Deal 1', price: 1000, contactIds: [bob.id], mainContactId: ann.id });
      const other = await created(acme, '/api/v1/leads', { name: 'Deal 2', contactIds: [ann.id] });
      expect(lead.contactIds).toEqual([ann.id, bob.id]);
      // Act
      await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 2500, name: 'Deal 1 (big)' });
      const annLeads = await acme.request('GET', `/api/v1/contacts/${ann.id}/leads`);
      // Assess
      expect(annLeads.status).toBe(200);
      expect(annLeads.body.items).toEqual([
        { id: other.id, name: 'Deal 2', price: 0, pipelineId: other.pipelineId, stageId: other.stageId, status: 'open', isMain: false },
        {
          id: lead.id,
          name: 'Deal 1 (big)',
          price: 2500,
          pipelineId: lead.pipelineId,
          stageId: lead.stageId,
          status: 'open',
          isMain: true,
        },
      ]);
      expect((await acme.request('GET', `/api/v1/contacts/${bob.id}/leads`)).body.items.map((l: { isMain: boolean }) => l.isMain)).toEqual([
        false,
      ]);
      const byContact = await acme.request('GET', `/api/v1/leads?contactId=${ann.id}`);
      expect(byContact.body.items.map((l: { id: string }) => l.id)).toEqual([other.id, lead.id]);
      expect(await walk(acme, `/api/v1/leads?contactId=${ann.id}&sort=createdAt`, 1)).toEqual([lead.id, other.id]);
      expect(
        (await acme.request('GET', `/api/v1/leads?contactId=${ann.id}&sort=-price`)).body.items.map((l: { id: string }) => l.id),
      ).toEqual([lead.id, other.id]);
    });

    it('drops the link when the lead lets the contact go, and when the lead is deleted', async () => {
      const c = await created(acme, '/api/v1/contacts', { name: 'Unlinked' });
      const a = await created(acme, '/api/v1/leads', { name: 'A', contactIds: [c.id] });
      const b = await created(acme, '/api/v1/leads', { name: 'B', contactIds: [c.id] });
      await acme.request('PATCH', `/api/v1/leads/${a.id}`, { contactIds: [] });
      await acme.request('DELETE', `/api/v1/leads/${b.id}`);
      expect((await acme.request('GET', `/api/v1/contacts/${c.id}/leads`)).body.items).toEqual([]);
    });

    it('refuses to link a contact that does not exist, naming the field', async () => {
      const c = await created(acme, '/api/v1/contacts', { name: 'Real' });
      const res = await acme.request('POST', '/api/v1/leads', { name: 'Ghost deal', contactIds: [c.id, '01JGHOSTCONTACT00000000000'] });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'contactIds.1', message: 'unknown contact' }]);
      expect((await acme.request('GET', `/api/v1/contacts/${c.id}/leads`)).body.items).toEqual([]);
    });

    it('takes a deleted contact off its leads (the main contact passes to the next) in the same write', async () => {
      const ann = await created(acme, '/api/v1/contacts', { name: 'Leaving Ann' });
      const bob = await created(acme, '/api/v1/contacts', { name: 'Staying Bob' });
      const lead = await created(acme, '/api/v1/leads', { name: 'Shared', contactIds: [ann.id, bob.id], mainContactId: ann.id });
      expect((await acme.request('DELETE', `/api/v1/contacts/${ann.id}`)).status).toBe(204);
      const after = (await acme.request('GET', `/api/v1/leads/${lead.id}`)).body;
      expect(after).toMatchObject({ contactIds: [bob.id], mainContactId: bob.id, version: 2 });
      expect((await acme.request('GET', `/api/v1/contacts/${bob.id}/leads`)).body.items[0]).toMatchObject({ id: lead.id, isMain: true });
      expect((await acme.request('GET', `/api/v1/contacts/${ann.id}/leads`)).status).toBe(404);
    });

    it('never leaves a lead pointing at a contact deleted at the same moment it was linked', async () => {
      for (let round = 0; round < 5; round++) {
        // Prepare
        const c = await created(acme, '/api/v1/contacts', { name: `Contested ${round}` });
        const lead = await created(acme, '/api/v1/leads', { name: `Contest ${round}` });
        // Act: link and delete at once
        const [linked, deleted] = await Promise.all([
          acme.request('PATCH', `/api/v1/leads/${lead.id}`, { contactIds: [c.id] }),
          acme.request('DELETE', `/api/v1/contacts/${c.id}`),
        ]);
        // Assess: whichever order they committed in, the lead does not name a missing contact
        expect(deleted.status).toBe(204);
        expect([200, 400]).toContain(linked.status);
        expect((await acme.request('GET', `/api/v1/leads/${lead.id}`)).body.contactIds).toEqual([]);
      }
    });

    it('is 404 for the leads of an unknown contact', async () => {
      expect((await acme.request('GET', '/api/v1/contacts/01JNOSUCHCONTACT0000000000/leads')).status).toBe(404);
    });
  });
});
