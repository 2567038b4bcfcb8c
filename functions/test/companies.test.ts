// Companies through HTTP: CRUD with events, filters, sorts, paging, and a company's contacts
// and leads read through their indexes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryOf } from '@crm/contract/client';
import { useApi, walkIds, type CrmUser } from './support/api.ts';

const api = useApi();
let acme: CrmUser;
beforeAll(async () => {
  acme = await api.account();
});

describe('Resource: companies', () => {
  describe('Method: create, get, patch, delete', () => {
    it('creates with 201 and Location, patches with If-Match, clears with null, and logs the changes', async () => {
      // Act
      const res = await acme.answer.companies.create({
        name: 'ООО «Вектор»',
        phones: [{ value: '+7 495 123-45-67' }],
        emails: [{ value: 'Info@Vector.ru', type: 'office' }],
        website: 'vector.ru',
        address: 'Moscow',
        tags: ['partner'],
      });
      // Assess
      if (!res.ok) throw new Error(res.problem.detail);
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(`/api/v1/companies/${res.body.id}`);
      expect(res.body).toMatchObject({
        name: 'ООО «Вектор»',
        emails: [{ value: 'info@vector.ru', type: 'office' }],
        website: 'vector.ru',
        address: 'Moscow',
        responsibleUserId: acme.userId,
        tags: ['partner'],
        nearestTaskAt: null,
        version: 1,
      });
      const patch = { address: null, website: 'https://vector.ru' };
      const patched = await acme.client.companies.patch({ id: res.body.id }, patch, { ifMatch: 1 });
      expect(patched).toMatchObject({ address: null, website: 'https://vector.ru', version: 2, name: 'ООО «Вектор»' });
      expect((await acme.answer.companies.patch({ id: res.body.id }, { name: 'Stale' }, { ifMatch: 1 })).status).toBe(412);
      const events = (await acme.client.events.list({ entityType: 'company', entityId: res.body.id })).items;
      expect(events.map((e) => e.type).sort()).toEqual(['company.created', 'company.updated']);
      expect(events.find((e) => e.type === 'company.updated')!.changes).toEqual([
        { field: 'website', from: 'vector.ru', to: 'https://vector.ru' },
        { field: 'address', from: 'Moscow', to: null },
      ]);
    });

    it('answers 404 for an unknown id and 400 for unknown fields', async () => {
      expect((await acme.answer.companies.get({ id: '01JNOSUCHCOMPANY0000000000' })).status).toBe(404);
      // A field of contacts, not companies: sent raw, as a client without the types would.
      const bad = await acme.request('POST', '/api/v1/companies', { name: 'X', position: 'CEO' });
      expect(bad.status).toBe(400);
    });

    it('deletes with 204 and logs company.deleted', async () => {
      const c = await acme.client.companies.create({ name: 'Gone Ltd' });
      expect((await acme.answer.companies.delete({ id: c.id })).status).toBe(204);
      expect((await acme.answer.companies.get({ id: c.id })).status).toBe(404);
      const events = (await acme.client.events.list({ entityType: 'company', entityId: c.id })).items;
      expect(events.map((e) => e.type)).toContain('company.deleted');
    });
  });

  describe('Method: list', () => {
    let crm: CrmUser;
    let ids: string[];
    beforeAll(async () => {
      crm = await api.account('Companies List Co');
      ids = [];
      for (const [name, tags] of [
        ['Альфа', ['a']],
        ['Бета', []],
        ['Gamma', ['a']],
        ['Дельта', []],
        ['Эпсилон', ['b']],
        ['Zeta', []],
        ['Ёж и Ко', ['a']],
      ] as const) {
        ids.push((await crm.client.companies.create({ name, tags: [...tags] })).id);
      }
    });

    const names = async (query: QueryOf<'companies.list'>) => (await crm.client.companies.list(query)).items.map((c) => c.name);

    it('walks every company exactly once with limit=2, in each sort order', async () => {
      for (const sort of ['createdAt', '-createdAt', 'name', '-name', 'updatedAt', '-updatedAt', 'nearestTask'] as const) {
        const seen = await walkIds((page) => crm.client.companies.list({ sort, ...page }));
        expect(seen.length, sort).toBe(7);
        expect(new Set(seen), sort).toEqual(new Set(ids));
      }
      expect(await walkIds((page) => crm.client.companies.list({ sort: 'createdAt', ...page }))).toEqual(ids);
    });

    it('sorts by name and filters by q, tag and responsible', async () => {
      expect(await names({ sort: 'name' })).toEqual(['Gamma', 'Zeta', 'Альфа', 'Бета', 'Дельта', 'Ёж и Ко', 'Эпсилон']);
      expect(await names({ q: 'еж' })).toEqual(['Ёж и Ко']);
      expect(await names({ tag: 'a', sort: 'name' })).toEqual(['Gamma', 'Альфа', 'Ёж и Ко']);
      expect((await names({ responsibleUserId: crm.userId })).length).toBe(7);
      expect(await names({ responsibleUserId: '01JNOBODY00000000000000000' })).toEqual([]);
    });
  });

  describe('Method: links', () => {
    it("lists a company's contacts and leads, newest first, one Query each", async () => {
      // Prepare
      const company = await acme.client.companies.create({ name: 'Linked Co' });
      const contacts = [];
      for (const n of [1, 2, 3]) contacts.push(await acme.client.contacts.create({ name: `Employee ${n}`, companyId: company.id }));
      const leads = [];
      for (const n of [1, 2, 3]) leads.push(await acme.client.leads.create({ name: `Company deal ${n}`, companyId: company.id }));
      await acme.client.contacts.create({ name: 'Not employed' });
      // Act
      const theirContacts = await walkIds((page) => acme.client.companies.contacts({ id: company.id }, page));
      const theirLeads = await walkIds((page) => acme.client.companies.leads({ id: company.id }, page));
      // Assess
      expect(theirContacts).toEqual(contacts.map((c) => c.id).reverse());
      expect(theirLeads).toEqual(leads.map((l) => l.id).reverse());
      expect((await acme.answer.companies.leads({ id: '01JNOSUCHCOMPANY0000000000' })).status).toBe(404);
    });

    it('moves a contact between companies and refuses an unknown company on a lead', async () => {
      const a = await acme.client.companies.create({ name: 'Old Employer' });
      const b = await acme.client.companies.create({ name: 'New Employer' });
      const c = await acme.client.contacts.create({ name: 'Job Hopper', companyId: a.id });
      await acme.client.contacts.patch({ id: c.id }, { companyId: b.id });
      expect((await acme.client.companies.contacts({ id: a.id })).items).toEqual([]);
      expect((await acme.client.companies.contacts({ id: b.id })).items.map((x) => x.id)).toEqual([c.id]);
      const lead = await acme.answer.leads.create({ name: 'Nowhere', companyId: '01JNOSUCHCOMPANY0000000000' });
      expect(lead.status).toBe(400);
      expect(!lead.ok && lead.problem.errors).toEqual([{ path: 'companyId', message: 'unknown company' }]);
    });

    it('leaves its leads and contacts without a company when deleted, in the same write', async () => {
      const company = await acme.client.companies.create({ name: 'Closing Down' });
      const contact = await acme.client.contacts.create({ name: 'Ex-employee', companyId: company.id });
      const lead = await acme.client.leads.create({ name: 'Orphan deal', companyId: company.id });
      expect((await acme.answer.companies.delete({ id: company.id })).status).toBe(204);
      expect(await acme.client.contacts.get({ id: contact.id })).toMatchObject({ companyId: null, version: 2 });
      expect(await acme.client.leads.get({ id: lead.id })).toMatchObject({ companyId: null, version: 2 });
      expect((await acme.client.leads.list({ companyId: company.id })).items).toEqual([]);
    });
  });
});
