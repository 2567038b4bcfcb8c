// No number of links blocks a delete or a restore (issue 9, item 19): a contact or company
// leaves the trash or goes into it at once with as many links as its transaction holds, and
// the trash-links consumer moves the rest from the bus, idempotently, also when delivered twice.
import { describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi } from './support/api.ts';

const api = useApi();

/** The consumer as the bus runs it, with the event the log holds (the envelope the bus carries). */
async function deliver(account: TestAccount, type: string, entityId: string, times = 1) {
  const { handler } = await import('../consumers/trash-links.ts');
  const log = await account.request('GET', `/api/v1/events?entityId=${entityId}&entityType=${type.split('.')[0]}&type=${type}`);
  const event = log.body.items[0];
  expect(event?.type).toBe(type);
  await Promise.all(Array.from({ length: times }, () => handler({ detail: event })));
}

const leadsHolding = async (account: TestAccount, ids: string[], field: 'contactIds' | 'companyId', id: string) => {
  const leads = await Promise.all(ids.map(async (leadId) => (await account.request('GET', `/api/v1/leads/${leadId}`)).body));
  return leads.filter((l) => (field === 'contactIds' ? l.contactIds.includes(id) : l.companyId === id)).length;
};

/** Who took each lead off or put it back: the delete's (restore's) own transaction says `user`, the background `system`. */
const movedBy = async (account: TestAccount) => {
  const events = (await account.request('GET', '/api/v1/events?type=lead.updated&limit=250')).body.items as Array<{
    actor: { type: string };
  }>;
  return { user: events.filter((e) => e.actor.type === 'user').length, system: events.filter((e) => e.actor.type === 'system').length };
};

const trashIds = async (account: TestAccount) =>
  (await account.request('GET', '/api/v1/trash?limit=250')).body.items.map((t: { id: string }) => t.id);

// Each case has an account of its own: they run side by side, mostly waiting on DynamoDB Local.
describe.concurrent('Trash links in the background', () => {
  it('deletes a contact with 60 leads at once, takes it off the rest once even when delivered twice, and puts it back the same way', async () => {
    const account = await api.account();
    const contact = await created(account, '/api/v1/contacts', {
      name: 'Many deals',
      phones: [{ value: '+7 916 000 00 01', type: 'work' }],
    });
    const leadIds: string[] = [];
    for (let i = 0; i < 60; i++)
      leadIds.push((await created(account, '/api/v1/leads', { name: `Deal ${i}`, mainContactId: contact.id })).id);

    expect((await account.request('DELETE', `/api/v1/contacts/${contact.id}`)).status).toBe(204);
    expect((await account.request('GET', `/api/v1/contacts/${contact.id}`)).status).toBe(404);

    await deliver(account, 'contact.deleted', contact.id, 2);
    expect(await leadsHolding(account, leadIds, 'contactIds', contact.id)).toBe(0);
    // Each lead lost its contact in exactly one change, however many deliveries raced.
    const history = (await account.request('GET', `/api/v1/events?entityType=lead&entityId=${leadIds[59]}`)).body.items;
    expect(history.filter((e: { type: string }) => e.type === 'lead.updated')).toHaveLength(1);
    expect(await trashIds(account)).toContain(contact.id);
    // The delete took the contact off part of its leads itself, the background the rest (the test run's own bus may be first).
    const unlinked = await movedBy(account);
    expect(unlinked.user).toBeGreaterThan(0);
    expect(unlinked.user + unlinked.system).toBe(60);

    const restored = await account.request('POST', `/api/v1/trash/contact/${contact.id}/restore`);
    expect(restored.status).toBe(200);
    expect(await trashIds(account)).not.toContain(contact.id);
    expect((await account.request('POST', `/api/v1/trash/contact/${contact.id}/restore`)).status).toBe(404);

    await deliver(account, 'contact.restored', contact.id, 2);
    expect(await leadsHolding(account, leadIds, 'contactIds', contact.id)).toBe(60);
    const relinked = await movedBy(account);
    expect(relinked.user + relinked.system).toBe(120);
    expect(relinked.system).toBeGreaterThan(unlinked.system);
    const lead = (await account.request('GET', `/api/v1/leads/${leadIds[59]}`)).body;
    expect(lead.mainContactId).toBe(contact.id);
    // Done: nothing of it is left in the trash, and deleting it again works the same way.
    expect((await account.request('POST', `/api/v1/trash/contact/${contact.id}/restore`)).status).toBe(404);
    expect((await account.request('DELETE', `/api/v1/contacts/${contact.id}`)).status).toBe(204);
  }, 120_000);

  it('deletes a company with 40 leads and 30 contacts at once and finishes both in the background', async () => {
    const account = await api.account();
    const company = await created(account, '/api/v1/companies', { name: 'Big client' });
    const leadIds: string[] = [];
    for (let i = 0; i < 40; i++) leadIds.push((await created(account, '/api/v1/leads', { name: `Deal ${i}`, companyId: company.id })).id);
    const contactIds: string[] = [];
    for (let i = 0; i < 30; i++)
      contactIds.push((await created(account, '/api/v1/contacts', { name: `Person ${i}`, companyId: company.id })).id);
    const contactsInCompany = async () =>
      (await account.request('GET', `/api/v1/contacts?companyId=${company.id}&limit=250`)).body.items.length;

    expect((await account.request('DELETE', `/api/v1/companies/${company.id}`)).status).toBe(204);

    await deliver(account, 'company.deleted', company.id);
    expect(await leadsHolding(account, leadIds, 'companyId', company.id)).toBe(0);
    for (const id of contactIds) expect((await account.request('GET', `/api/v1/contacts/${id}`)).body.companyId).toBeNull();
    const unlinked = await movedBy(account);
    expect(unlinked.user).toBeGreaterThan(0);
    expect(unlinked.user + unlinked.system).toBe(40);

    expect((await account.request('POST', `/api/v1/trash/company/${company.id}/restore`)).status).toBe(200);
    await deliver(account, 'company.restored', company.id);
    expect(await leadsHolding(account, leadIds, 'companyId', company.id)).toBe(40);
    expect(await contactsInCompany()).toBe(30);
  }, 120_000);

  it('stops taking a contact off its leads once it is restored meanwhile', async () => {
    const account = await api.account();
    const contact = await created(account, '/api/v1/contacts', { name: 'Back soon' });
    const leadIds: string[] = [];
    for (let i = 0; i < 40; i++)
      leadIds.push((await created(account, '/api/v1/leads', { name: `Deal ${i}`, contactIds: [contact.id] })).id);
    expect((await account.request('DELETE', `/api/v1/contacts/${contact.id}`)).status).toBe(204);
    expect((await account.request('POST', `/api/v1/trash/contact/${contact.id}/restore`)).status).toBe(200);
    // The deletion's event arrives late: it must not take the contact off the leads it is on again.
    await deliver(account, 'contact.deleted', contact.id);
    await deliver(account, 'contact.restored', contact.id);
    expect(await leadsHolding(account, leadIds, 'contactIds', contact.id)).toBe(40);
  }, 120_000);
});
