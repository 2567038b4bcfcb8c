// The trash through HTTP: deleted leads, contacts and companies listed newest first, and
// restored with their links intact.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();
let acme: TestAccount;
beforeAll(async () => {
  acme = await api.account();
});

const get = async (path: string) => (await acme.request('GET', path)).body;
const del = async (path: string) => expect((await acme.request('DELETE', path)).status).toBe(204);
const restore = (type: string, id: string) => acme.request('POST', `/api/v1/trash/${type}/${id}/restore`);
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('Resource: trash', () => {
  describe('Method: list', () => {
    it('lists what was deleted newest first, by type, walking every item exactly once', async () => {
      // Prepare
      const crm = await api.account('Trash List Co');
      const deleted: Array<{ type: string; id: string }> = [];
      for (const [type, path, n] of [['lead', 'leads', 3], ['contact', 'contacts', 2], ['company', 'companies', 2]] as const) {
        for (let i = 0; i < n; i++) {
          const { id } = await created(crm, `/api/v1/${path}`, { name: `${type} ${i}` });
          expect((await crm.request('DELETE', `/api/v1/${path}/${id}`)).status).toBe(204);
          deleted.push({ type, id });
        }
      }
      // Act
      const all = await walk(crm, '/api/v1/trash');
      const first = (await crm.request('GET', '/api/v1/trash?limit=1')).body.items[0];
      const contacts = (await crm.request('GET', '/api/v1/trash?entityType=contact')).body.items;
      // Assess
      expect(all).toEqual(deleted.map((d) => d.id).reverse());
      expect(first).toMatchObject({ entityType: 'company', id: deleted.at(-1)!.id, name: 'company 1', deletedBy: crm.userId });
      expect(Date.parse(first.expiresAt) - Date.parse(first.deletedAt)).toBeGreaterThanOrEqual(30 * 86_400_000 - 1000);
      expect(ids(contacts)).toEqual(deleted.filter((d) => d.type === 'contact').map((d) => d.id).reverse());
      expect((await crm.request('GET', '/api/v1/trash?entityType=task')).status).toBe(400);
    });

    it('is for those who may delete: a manager gets 403 on the list and on restore', async () => {
      const manager = await api.manager(acme);
      const lead = await created(acme, '/api/v1/leads', { name: 'Not yours to restore' });
      await del(`/api/v1/leads/${lead.id}`);
      expect((await manager.request('GET', '/api/v1/trash')).status).toBe(403);
      expect((await manager.request('POST', `/api/v1/trash/lead/${lead.id}/restore`)).status).toBe(403);
    });
  });

  describe('Method: restore', () => {
    it('puts a contact back on its leads, in its company, with its phone claimed again', async () => {
      // Prepare
      const company = await created(acme, '/api/v1/companies', { name: 'Keeps Staff' });
      const ann = await created(acme, '/api/v1/contacts', { name: 'Returning Ann', phones: [{ value: '+7 913 700-00-01' }], companyId: company.id });
      const bob = await created(acme, '/api/v1/contacts', { name: 'Bob' });
      const mainOn = await created(acme, '/api/v1/leads', { name: 'Ann is main', mainContactId: ann.id });
      const alsoOn = await created(acme, '/api/v1/leads', { name: 'Ann helps', contactIds: [bob.id, ann.id], mainContactId: bob.id });
      const goneLead = await created(acme, '/api/v1/leads', { name: 'Gone meanwhile', contactIds: [ann.id] });
      await del(`/api/v1/contacts/${ann.id}`);
      expect(await get(`/api/v1/leads/${mainOn.id}`)).toMatchObject({ contactIds: [], mainContactId: null });
      await del(`/api/v1/leads/${goneLead.id}`);
      expect((await acme.request('POST', '/api/v1/contacts', { name: 'Takes phone?', phones: [{ value: '89137000001' }] })).status).toBe(201);
      // Act
      const res = await restore('contact', ann.id);
      // Assess
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ann.id, name: 'Returning Ann', companyId: company.id, version: 2 });
      expect(await get(`/api/v1/contacts/${ann.id}`)).toEqual(res.body);
      expect(await get(`/api/v1/leads/${mainOn.id}`)).toMatchObject({ contactIds: [ann.id], mainContactId: ann.id });
      expect(await get(`/api/v1/leads/${alsoOn.id}`)).toMatchObject({ contactIds: [bob.id, ann.id], mainContactId: bob.id });
      const annLeads = (await get(`/api/v1/contacts/${ann.id}/leads`)).items;
      expect(annLeads.map((l: { id: string; isMain: boolean }) => [l.id, l.isMain])).toEqual([[alsoOn.id, false], [mainOn.id, true]]);
      expect(ids((await get(`/api/v1/companies/${company.id}/contacts`)).items)).toEqual([ann.id]);
      const dup = await acme.request('POST', '/api/v1/contacts', { name: 'Copy of Ann', phones: [{ value: '+7 (913) 700-00-01' }] });
      expect(dup.status).toBe(409);
      const events = (await get(`/api/v1/events?entityType=contact&entityId=${ann.id}`)).items.map((e: { type: string }) => e.type);
      expect(events).toContain('contact.restored');
      expect(ids((await get('/api/v1/trash?entityType=contact')).items)).not.toContain(ann.id);
      expect((await restore('contact', ann.id)).status).toBe(404);
    });

    it('puts a company back on the leads and contacts it had that have no other company now', async () => {
      const company = await created(acme, '/api/v1/companies', { name: 'Phoenix' });
      const staff = await created(acme, '/api/v1/contacts', { name: 'Loyal', companyId: company.id });
      const moved = await created(acme, '/api/v1/contacts', { name: 'Moved on', companyId: company.id });
      const deal = await created(acme, '/api/v1/leads', { name: 'Phoenix deal', companyId: company.id, contactIds: [staff.id] });
      await del(`/api/v1/companies/${company.id}`);
      const rival = await created(acme, '/api/v1/companies', { name: 'Rival' });
      await acme.request('PATCH', `/api/v1/contacts/${moved.id}`, { companyId: rival.id });
      // Act
      const res = await restore('company', company.id);
      // Assess
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: company.id, name: 'Phoenix' });
      expect(await get(`/api/v1/leads/${deal.id}`)).toMatchObject({ companyId: company.id, contactIds: [staff.id] });
      expect(ids((await get(`/api/v1/companies/${company.id}/contacts`)).items)).toEqual([staff.id]);
      expect(ids((await get(`/api/v1/companies/${company.id}/leads`)).items)).toEqual([deal.id]);
      expect((await get(`/api/v1/contacts/${moved.id}`)).companyId).toBe(rival.id);
    });

    it('puts a lead back with those of its contacts and its company that still exist', async () => {
      const company = await created(acme, '/api/v1/companies', { name: 'Lead Co' });
      const stays = await created(acme, '/api/v1/contacts', { name: 'Stays' });
      const leaves = await created(acme, '/api/v1/contacts', { name: 'Leaves' });
      const lead = await created(acme, '/api/v1/leads', { name: 'Back deal', price: 700, contactIds: [stays.id], mainContactId: leaves.id, companyId: company.id });
      await del(`/api/v1/leads/${lead.id}`);
      await del(`/api/v1/contacts/${leaves.id}`);
      expect((await get(`/api/v1/contacts/${stays.id}/leads`)).items).toEqual([]);
      // Act
      const res = await restore('lead', lead.id);
      // Assess
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: lead.id, name: 'Back deal', price: 700, contactIds: [stays.id], mainContactId: null, companyId: company.id });
      expect(ids((await get(`/api/v1/contacts/${stays.id}/leads`)).items)).toEqual([lead.id]);
      expect(ids((await get(`/api/v1/companies/${company.id}/leads`)).items)).toEqual([lead.id]);
      const events = (await get(`/api/v1/events?entityType=lead&entityId=${lead.id}`)).items.map((e: { type: string }) => e.type);
      expect(events).toContain('lead.restored');
    });

    it('answers 404 for an unknown type or id', async () => {
      expect((await restore('task', '01JNOTHING000000000000000')).status).toBe(404);
      expect((await restore('lead', '01JNOTHING000000000000000')).status).toBe(404);
    });
  });
});
