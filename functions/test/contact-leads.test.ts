// `GET /leads?contactId=` with another filter: full pages whenever enough leads match (the
// contact's link items are read on within the page budget), with a cursor that loses none.
import { beforeAll, describe, expect, it } from 'vitest';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let acme: CrmUser;

beforeAll(async () => {
  acme = await api.account('Acme');
});

describe("Resource: a contact's leads", () => {
  it('returns `limit` leads per page while more match, and every match once', async () => {
    // Prepare: six leads of one contact, every second one tagged
    const contact = await acme.client.contacts.create({ name: 'Pavel Pages' });
    const tagged: string[] = [];
    for (let i = 0; i < 6; i++) {
      const lead = await acme.client.leads.create({ name: `Page lead ${i}`, contactIds: [contact.id], tags: i % 2 ? ['vip'] : [] });
      if (i % 2) tagged.push(lead.id);
    }
    // Act
    const first = await acme.client.leads.list({ contactId: contact.id, tag: 'vip', limit: 2 });
    const second = await acme.client.leads.list({ contactId: contact.id, tag: 'vip', limit: 2, cursor: first.nextCursor! });
    // Assess
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const seen = [...first.items, ...second.items].map((l) => l.id);
    expect(seen.sort()).toEqual([...tagged].sort());
    if (second.nextCursor) {
      expect((await acme.client.leads.list({ contactId: contact.id, tag: 'vip', limit: 2, cursor: second.nextCursor })).items).toEqual([]);
    }
  });
});
