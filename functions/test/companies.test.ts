// Companies through HTTP: CRUD with events, filters, sorts, paging, and a company's contacts
// and leads read through their indexes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();
let acme: TestAccount;
beforeAll(async () => {
  acme = await api.account();
});

describe('Resource: companies', () => {
  describe('Method: create, get, patch, delete', () => {
    it('creates with 201 and Location, patches with If-Match, clears with null, and logs the changes', async () => {
      // Act
      const res = await acme.request('POST', '/api/v1/companies', {
        name: 'ООО «Вектор»', phones: [{ value: '+7 495 123-45-67' }], emails: [{ value: 'Info@Vector.ru', type: 'office' }],
        website: 'vector.ru', address: 'Moscow', tags: ['partner'],
      });
      // Assess
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/companies/${res.body.id}`);
      expect(res.body).toMatchObject({
        name: 'ООО «Вектор»', emails: [{ value: 'info@vector.ru', type: 'office' }], website: 'vector.ru', address: 'Moscow',
        responsibleUserId: acme.userId, tags: ['partner'], nearestTaskAt: null, version: 1,
      });
      const patched = await acme.request('PATCH', `/api/v1/companies/${res.body.id}`, { address: null, website: 'https://vector.ru' }, { 'if-match': '"1"' });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ address: null, website: 'https://vector.ru', version: 2, name: 'ООО «Вектор»' });
      expect((await acme.request('PATCH', `/api/v1/companies/${res.body.id}`, { name: 'Stale' }, { 'if-match': '"1"' })).status).toBe(412);
      const events = (await acme.request('GET', `/api/v1/events?entityType=company&entityId=${res.body.id}`)).body.items;
      expect(events.map((e: { type: string }) => e.type).sort()).toEqual(['company.created', 'company.updated']);
      expect(events.find((e: { type: string }) => e.type === 'company.updated').changes).toEqual([
        { field: 'website', from: 'vector.ru', to: 'https://vector.ru' }, { field: 'address', from: 'Moscow', to: null },
      ]);
    });

    it('answers 404 for an unknown id and 400 for unknown fields', async () => {
      expect((await acme.request('GET', '/api/v1/companies/01JNOSUCHCOMPANY0000000000')).status).toBe(404);
      const bad = await acme.request('POST', '/api/v1/companies', { name: 'X', position: 'CEO' });
      expect(bad.status).toBe(400);
    });

    it('deletes with 204 and logs company.deleted', async () => {
      const c = await created(acme, '/api/v1/companies', { name: 'Gone Ltd' });
      expect((await acme.request('DELETE', `/api/v1/companies/${c.id}`)).status).toBe(204);
      expect((await acme.request('GET', `/api/v1/companies/${c.id}`)).status).toBe(404);
      const events = (await acme.request('GET', `/api/v1/events?entityType=company&entityId=${c.id}`)).body.items;
      expect(events.map((e: { type: string }) => e.type)).toContain('company.deleted');
    });
  });

  describe('Method: list', () => {
    let crm: TestAccount;
    let ids: string[];
    beforeAll(async () => {
      crm = await api.account('Companies List Co');
      ids = [];
      for (const [name, tags] of [['Альфа', ['a']], ['Бета', []], ['Gamma', ['a']], ['Дельта', []], ['Эпсилон', ['b']], ['Zeta', []], ['Ёж и Ко', ['a']]] as const) {
        ids.push((await created(crm, '/api/v1/companies', { name, tags })).id);
      }
    });

    const names = async (query: string) =>
      ((await crm.request('GET', `/api/v1/companies?${query}`)).body.items as Array<{ name: string }>).map((c) => c.name);

    it('walks every company exactly once with limit=2, in each sort order', async () => {
      for (const sort of ['createdAt', '-createdAt', 'name', '-name', 'updatedAt', '-updatedAt', 'nearestTask']) {
        const seen = await walk(crm, `/api/v1/companies?sort=${sort}`);
        expect(seen.length, sort).toBe(7);
        expect(new Set(seen), sort).toEqual(new Set(ids));
      }
      expect(await walk(crm, '/api/v1/companies?sort=createdAt')).toEqual(ids);
    });

    it('sorts by name and filters by q, tag and responsible', async () => {
      expect(await names('sort=name')).toEqual(['Gamma', 'Zeta', 'Альфа', 'Бета', 'Дельта', 'Ёж и Ко', 'Эпсилон']);
      expect(await names('q=еж')).toEqual(['Ёж и Ко']);
      expect(await names('tag=a&sort=name')).toEqual(['Gamma', 'Альфа', 'Ёж и Ко']);
      expect((await names(`responsibleUserId=${crm.userId}`)).length).toBe(7);
      expect(await names('responsibleUserId=01JNOBODY00000000000000000')).toEqual([]);
    });
  });

  describe('Method: links', () => {
    it("lists a company's contacts and leads, newest first, one Query each", async () => {
      // Prepare
      const company = await created(acme, '/api/v1/companies', { name: 'Linked Co' });
      const contacts = [];
      for (const n of [1, 2, 3]) contacts.push(await created(acme, '/api/v1/contacts', { name: `Employee ${n}`, companyId: company.id }));
      const leads = [];
      for (const n of [1, 2, 3]) leads.push(await created(acme, '/api/v1/leads', { name: `Company deal ${n}`, companyId: company.id }));
      await created(acme, '/api/v1/contacts', { name: 'Not employed' });
      // Act
      const theirContacts = await walk(acme, `/api/v1/companies/${company.id}/contacts`);
      const theirLeads = await walk(acme, `/api/v1/companies/${company.id}/leads`);
      // Assess
      expect(theirContacts).toEqual(contacts.map((c) => c.id).reverse());
      expect(theirLeads).toEqual(leads.map((l) => l.id).reverse());
      expect((await acme.request('GET', '/api/v1/companies/01JNOSUCHCOMPANY0000000000/leads')).status).toBe(404);
    });

    it('moves a contact between companies and refuses an unknown company on a lead', async () => {
      const a = await created(acme, '/api/v1/companies', { name: 'Old Employer' });
      const b = await created(acme, '/api/v1/companies', { name: 'New Employer' });
      const c = await created(acme, '/api/v1/contacts', { name: 'Job Hopper', companyId: a.id });
      await acme.request('PATCH', `/api/v1/contacts/${c.id}`, { companyId: b.id });
      expect((await acme.request('GET', `/api/v1/companies/${a.id}/contacts`)).body.items).toEqual([]);
      expect((await acme.request('GET', `/api/v1/companies/${b.id}/contacts`)).body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
      const lead = await acme.request('POST', '/api/v1/leads', { name: 'Nowhere', companyId: '01JNOSUCHCOMPANY0000000000' });
      expect(lead.status).toBe(400);
      expect(lead.body.errors).toEqual([{ path: 'companyId', message: 'unknown company' }]);
    });

    it('leaves its leads and contacts without a company when deleted, in the same write', async () => {
      const company = await created(acme, '/api/v1/companies', { name: 'Closing Down' });
      const contact = await created(acme, '/api/v1/contacts', { name: 'Ex-employee', companyId: company.id });
      const lead = await created(acme, '/api/v1/leads', { name: 'Orphan deal', companyId: company.id });
      expect((await acme.request('DELETE', `/api/v1/companies/${company.id}`)).status).toBe(204);
      expect((await acme.request('GET', `/api/v1/contacts/${contact.id}`)).body).toMatchObject({ companyId: null, version: 2 });
      expect((await acme.request('GET', `/api/v1/leads/${lead.id}`)).body).toMatchObject({ companyId: null, version: 2 });
      expect((await acme.request('GET', `/api/v1/leads?companyId=${company.id}`)).body.items).toEqual([]);
    });
  });
});
