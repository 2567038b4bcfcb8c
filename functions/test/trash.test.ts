// The trash through HTTP: deleted leads, contacts and companies listed newest first, and
// restored with their links intact.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi, walkIds, type CrmUser } from './support/api.ts';

const api = useApi();
let acme: CrmUser;
beforeAll(async () => {
  acme = await api.account();
});

const restore = (entityType: string, id: string) => acme.answer.trash.restore({ entityType, id });
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((i) => i.id);

describe('Resource: trash', () => {
  describe('Method: list', () => {
    it('lists what was deleted newest first, by type, walking every item exactly once', async () => {
      // Prepare
      const crm = await api.account('Trash List Co');
      const deleted: Array<{ type: string; id: string }> = [];
      for (const [type, path, n] of [
        ['lead', 'leads', 3],
        ['contact', 'contacts', 2],
        ['company', 'companies', 2],
      ] as const) {
        for (let i = 0; i < n; i++) {
          const { id } = await crm.client[path].create({ name: `${type} ${i}` });
          await crm.client[path].delete({ id });
          deleted.push({ type, id });
        }
      }
      // Act
      const all = await walkIds((page) => crm.client.trash.list(page));
      const first = (await crm.client.trash.list({ limit: 1 })).items[0];
      const contacts = await crm.client.trash.list({ entityType: 'contact' });
      // Assess
      expect(all).toEqual(deleted.map((d) => d.id).reverse());
      expect(first).toMatchObject({ entityType: 'company', id: deleted.at(-1)!.id, name: 'company 1', deletedBy: crm.userId });
      expect(Date.parse(first.expiresAt) - Date.parse(first.deletedAt)).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
      expect(ids(contacts)).toEqual(
        deleted
          .filter((d) => d.type === 'contact')
          .map((d) => d.id)
          .reverse(),
      );
      expect((await crm.request('GET', '/api/v1/trash?entityType=task')).status).toBe(400); // not a type the client lets through
    });

    it('is for those who may delete: a manager gets 403 on the list and on restore', async () => {
      const manager = await api.manager(acme);
      const lead = await acme.client.leads.create({ name: 'Not yours to restore' });
      await acme.client.leads.delete({ id: lead.id });
      expect((await manager.answer.trash.list()).status).toBe(403);
      expect((await manager.answer.trash.restore({ entityType: 'lead', id: lead.id })).status).toBe(403);
    });
  });

  describe('Method: restore', () => {
    it('puts a contact back on its leads, in its company, with its phone claimed again', async () => {
      // Prepare
      const company = await acme.client.companies.create({ name: 'Keeps Staff' });
      const ann = await acme.client.contacts.create({
        name: 'Returning Ann',
        phones: [{ value: '+7 913 700-00-01' }],
        companyId: company.id,
      });
      const bob = await acme.client.contacts.create({ name: 'Bob' });
      const mainOn = await acme.client.leads.create({ name: 'Ann is main', mainContactId: ann.id });
      const alsoOn = await acme.client.leads.create({ name: 'Ann helps', contactIds: [bob.id, ann.id], mainContactId: bob.id });
      const goneLead = await acme.client.leads.create({ name: 'Gone meanwhile', contactIds: [ann.id] });
      await acme.client.contacts.delete({ id: ann.id });
      expect(await acme.client.leads.get({ id: mainOn.id })).toMatchObject({ contactIds: [], mainContactId: null });
      await acme.client.leads.delete({ id: goneLead.id });
      expect((await acme.answer.contacts.create({ name: 'Takes phone?', phones: [{ value: '89137000001' }] })).status).toBe(201);
      // Act
      const res = await restore('contact', ann.id);
      // Assess
      expect(res).toMatchObject({ status: 200 });
      if (!res.ok) throw new Error(res.problem.detail);
      expect(res.body).toMatchObject({ id: ann.id, name: 'Returning Ann', companyId: company.id, version: 2 });
      expect(await acme.client.contacts.get({ id: ann.id })).toEqual(res.body);
      expect(await acme.client.leads.get({ id: mainOn.id })).toMatchObject({ contactIds: [ann.id], mainContactId: ann.id });
      expect(await acme.client.leads.get({ id: alsoOn.id })).toMatchObject({ contactIds: [bob.id, ann.id], mainContactId: bob.id });
      const annLeads = (await acme.client.contacts.leads({ id: ann.id })).items;
      expect(annLeads.map((l) => [l.id, l.isMain])).toEqual([
        [alsoOn.id, false],
        [mainOn.id, true],
      ]);
      expect(ids(await acme.client.companies.contacts({ id: company.id }))).toEqual([ann.id]);
      const dup = await acme.answer.contacts.create({ name: 'Copy of Ann', phones: [{ value: '+7 (913) 700-00-01' }] });
      expect(dup.status).toBe(409);
      const events = (await acme.client.events.list({ entityType: 'contact', entityId: ann.id })).items.map((e) => e.type);
      expect(events).toContain('contact.restored');
      expect(ids(await acme.client.trash.list({ entityType: 'contact' }))).not.toContain(ann.id);
      expect((await restore('contact', ann.id)).status).toBe(404);
    });

    it('puts a company back on the leads and contacts it had that have no other company now', async () => {
      const company = await acme.client.companies.create({ name: 'Phoenix' });
      const staff = await acme.client.contacts.create({ name: 'Loyal', companyId: company.id });
      const moved = await acme.client.contacts.create({ name: 'Moved on', companyId: company.id });
      const deal = await acme.client.leads.create({ name: 'Phoenix deal', companyId: company.id, contactIds: [staff.id] });
      await acme.client.companies.delete({ id: company.id });
      const rival = await acme.client.companies.create({ name: 'Rival' });
      await acme.client.contacts.patch({ id: moved.id }, { companyId: rival.id });
      // Act
      const res = await restore('company', company.id);
      // Assess
      expect(res).toMatchObject({ status: 200 });
      if (!res.ok) throw new Error(res.problem.detail);
      expect(res.body).toMatchObject({ id: company.id, name: 'Phoenix' });
      expect(await acme.client.leads.get({ id: deal.id })).toMatchObject({ companyId: company.id, contactIds: [staff.id] });
      expect(ids(await acme.client.companies.contacts({ id: company.id }))).toEqual([staff.id]);
      expect(ids(await acme.client.companies.leads({ id: company.id }))).toEqual([deal.id]);
      expect((await acme.client.contacts.get({ id: moved.id })).companyId).toBe(rival.id);
    });

    it('puts a lead back with those of its contacts and its company that still exist', async () => {
      const company = await acme.client.companies.create({ name: 'Lead Co' });
      const stays = await acme.client.contacts.create({ name: 'Stays' });
      const leaves = await acme.client.contacts.create({ name: 'Leaves' });
      const lead = await acme.client.leads.create({
        name: 'Back deal',
        price: 700,
        contactIds: [stays.id],
        mainContactId: leaves.id,
        companyId: company.id,
      });
      await acme.client.leads.delete({ id: lead.id });
      await acme.client.contacts.delete({ id: leaves.id });
      expect((await acme.client.contacts.leads({ id: stays.id })).items).toEqual([]);
      // Act
      const res = await restore('lead', lead.id);
      // Assess
      expect(res).toMatchObject({ status: 200 });
      if (!res.ok) throw new Error(res.problem.detail);
      expect(res.body).toMatchObject({
        id: lead.id,
        name: 'Back deal',
        price: 700,
        contactIds: [stays.id],
        mainContactId: null,
        companyId: company.id,
      });
      expect(ids(await acme.client.contacts.leads({ id: stays.id }))).toEqual([lead.id]);
      expect(ids(await acme.client.companies.leads({ id: company.id }))).toEqual([lead.id]);
      const events = (await acme.client.events.list({ entityType: 'lead', entityId: lead.id })).items.map((e) => e.type);
      expect(events).toContain('lead.restored');
    });

    it('answers 404 for an unknown type or id', async () => {
      expect((await restore('task', '01JNOTHING000000000000000')).status).toBe(404);
      expect((await restore('lead', '01JNOTHING000000000000000')).status).toBe(404);
    });
  });
});
