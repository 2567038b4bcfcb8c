// Incoming requests (issue 13): what any source hands receiveIncoming waits in the list until
// accepted (a lead and its contact, de-duplicated by phone and e-mail), attached to a lead, or
// declined; the count of new ones moves with them; another account never reaches them.
import { beforeAll, describe, expect, it } from 'vitest';
import { receiveIncoming } from '@crm/core';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let admin: CrmUser;
let other: CrmUser;

beforeAll(async () => {
  admin = await api.account('Incoming LLC');
  other = await api.account('Other LLC');
});

const phone = () => `+7 913 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

describe('Incoming requests', () => {
  it('lists a received request with the count of new ones, and logs incoming.received', async () => {
    const before = (await admin.client.incoming.list({})).newCount;
    const request = await receiveIncoming(admin.accountId, { source: 'form', name: 'Ivan', phone: phone(), message: 'Call me' });
    expect(request).toMatchObject({ status: 'new', source: 'form', name: 'Ivan', contactId: null, responsibleUserId: admin.userId });
    const page = await admin.client.incoming.list({ status: 'new' });
    expect(page.items[0]!.id).toBe(request.id);
    expect(page.newCount).toBe(before + 1);
    const events = await admin.client.events.list({ entityType: 'incoming', entityId: request.id });
    expect(events.items.map((e) => e.type)).toEqual(['incoming.received']);
  });

  it('accepts into a lead and a contact; the same phone again is the same contact, found already on receipt', async () => {
    const number = phone();
    const first = await receiveIncoming(admin.accountId, { source: 'form', name: 'Olga', phone: number, email: 'olga@example.com' });
    const answer = await admin.answer.incoming.accept({ id: first.id }, {});
    if (!answer.ok) throw new Error(answer.problem.detail);
    expect(answer.status).toBe(201);
    const lead = answer.body;
    expect(lead.contactIds).toHaveLength(1);
    const contactId = lead.contactIds[0]!;
    expect(await admin.client.contacts.get({ id: contactId })).toMatchObject({ name: 'Olga', phones: [{ value: number }] });
    expect(await admin.client.incoming.get({ id: first.id })).toMatchObject({ status: 'accepted', leadId: lead.id, contactId });

    // The same number written another way.
    const second = await receiveIncoming(admin.accountId, { source: 'call', phone: `8${number.replace(/\D/g, '').slice(1)}` });
    expect(second.contactId).toBe(contactId);
    const lead2 = await admin.client.incoming.accept({ id: second.id }, {});
    expect(lead2.contactIds).toEqual([contactId]);
    expect(lead2.id).not.toBe(lead.id);
    const contacts = await admin.client.contacts.list({ phone: number });
    expect(contacts.items).toHaveLength(1);
  });

  it('declines; a decided request cannot be decided again and the new count falls', async () => {
    const request = await receiveIncoming(admin.accountId, { source: 'chat', name: 'Spam', message: 'Buy now' });
    const before = (await admin.client.incoming.list({})).newCount;
    expect(await admin.client.incoming.decline({ id: request.id })).toMatchObject({ status: 'declined', decidedBy: admin.userId });
    expect((await admin.client.incoming.list({})).newCount).toBe(before - 1);
    const again = await admin.answer.incoming.accept({ id: request.id }, {});
    expect(again.status).toBe(409);
    expect((await admin.client.incoming.list({ status: 'declined' })).items.map((i) => i.id)).toContain(request.id);
    const leads = await admin.client.leads.list({ q: 'Spam' });
    expect(leads.items).toHaveLength(0);
  });

  it('attaches to a lead that exists: its contact joins the lead and its message becomes a note', async () => {
    const lead = await admin.client.leads.create({ name: 'Big deal' });
    const request = await receiveIncoming(admin.accountId, {
      source: 'mail',
      name: 'Petr',
      email: `petr${Date.now()}@example.com`,
      message: 'About the deal',
    });
    const attached = await admin.client.incoming.attach({ id: request.id }, { leadId: lead.id });
    expect(attached.id).toBe(lead.id);
    expect(attached.contactIds).toHaveLength(1);
    const notes = await admin.client.leads.notes.list({ id: lead.id }, {});
    expect(notes.items.map((n) => n.text)).toContain('About the deal');
    expect(await admin.client.incoming.get({ id: request.id })).toMatchObject({ status: 'accepted', leadId: lead.id });
    const unknown = await admin.answer.incoming.attach(
      { id: (await receiveIncoming(admin.accountId, { source: 'api', name: 'X' })).id },
      { leadId: 'nope' },
    );
    expect(unknown.status).toBe(400);
  });

  it('refuses a request with nothing in it, and keeps another account out', async () => {
    await expect(receiveIncoming(admin.accountId, { source: 'form' })).rejects.toThrow(/needs a name/);
    await expect(receiveIncoming(admin.accountId, { source: 'form', email: 'not an address' })).rejects.toThrow(/not valid/);
    const request = await receiveIncoming(admin.accountId, { source: 'form', name: 'Private' });
    expect((await other.answer.incoming.get({ id: request.id })).status).toBe(404);
    expect((await other.answer.incoming.accept({ id: request.id }, {})).status).toBe(404);
    expect((await other.answer.incoming.decline({ id: request.id })).status).toBe(404);
    expect((await other.client.incoming.list({})).items).toHaveLength(0);
    expect((await admin.client.incoming.get({ id: request.id })).status).toBe('new');
  });
});
