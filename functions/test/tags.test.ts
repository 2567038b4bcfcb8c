// Tags in use through HTTP: counts follow every tag added or removed, a record deleted or
// restored, per collection and per account.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordKind } from '@crm/contract';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let acme: CrmUser;
let other: CrmUser;

beforeAll(async () => {
  [acme, other] = await Promise.all([api.account('Acme'), api.account('Other')]);
});

/** Tag -> count, walking every page. */
async function tagsInUse(account: CrmUser, entityType: RecordKind, limit = 50) {
  const counts: Record<string, number> = {};
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ tag: string; count: number }>; nextCursor: string | null } = await account.client.tags.list({
      entityType,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    for (const { tag, count } of page.items) {
      expect(counts[tag], `${tag} listed twice`).toBeUndefined();
      counts[tag] = count;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return counts;
}

describe('Resource: tags', () => {
  it('counts lead tags up and down: added, removed, lead deleted, lead restored', async () => {
    const a = await acme.client.leads.create({ name: 'Tagged A', tags: ['vip', 'Ёлка'] });
    await acme.client.leads.create({ name: 'Tagged B', tags: ['vip'] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 2, Ёлка: 1 });

    await acme.client.leads.patch({ id: a.id }, { tags: ['Ёлка', 'VIP', 'urgent'] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1, VIP: 1, Ёлка: 1, urgent: 1 });

    await acme.client.leads.patch({ id: a.id }, { tags: [] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1 });

    await acme.client.leads.patch({ id: a.id }, { tags: ['urgent'] });
    expect((await acme.answer.leads.delete({ id: a.id })).status).toBe(204);
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1 });

    expect((await acme.answer.trash.restore({ entityType: 'lead', id: a.id })).status).toBe(200);
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1, urgent: 1 });
  });

  it("pages through tags in tag order, never another account's", async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const account = await api.account('Pager');
    await account.client.leads.create({ name: 'Many tags', tags });
    const page = await account.client.tags.list({ entityType: 'leads', limit: 5 });
    expect(page.items.map((t) => t.tag)).toEqual(tags.slice(0, 5));
    expect(Object.keys(await tagsInUse(account, 'leads', 5))).toEqual(tags);
    expect(await tagsInUse(other, 'leads')).toEqual({});
  });

  it('refuses a change of more than 20 tags at once (one transaction), and changes nothing', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `bulk${i}`);
    const res = await acme.answer.leads.create({ name: 'Too many', tags: many });
    expect(res.status).toBe(400);
    expect(!res.ok && res.problem.errors?.map((e) => e.path)).toEqual(['tags']);
    expect(Object.keys(await tagsInUse(acme, 'leads')).some((t) => t.startsWith('bulk'))).toBe(false);
  });

  it('needs a known collection', async () => {
    // What the types already refuse, sent raw.
    expect((await acme.request('GET', '/api/v1/tags')).status).toBe(400);
    expect((await acme.request('GET', '/api/v1/tags?entityType=tasks')).status).toBe(400);
  });

  it('counts contact and company tags apart from lead tags', async () => {
    const contact = await acme.client.contacts.create({ name: 'Tag Person', tags: ['vip', 'partner'] });
    const company = await acme.client.companies.create({ name: 'Tag Corp', tags: ['partner'] });
    expect(await tagsInUse(acme, 'contacts')).toEqual({ vip: 1, partner: 1 });
    expect(await tagsInUse(acme, 'companies')).toEqual({ partner: 1 });
    await acme.client.contacts.patch({ id: contact.id }, { tags: ['partner'] });
    await acme.client.companies.delete({ id: company.id });
    expect(await tagsInUse(acme, 'contacts')).toEqual({ partner: 1 });
    expect(await tagsInUse(acme, 'companies')).toEqual({});
    expect((await tagsInUse(acme, 'leads')).partner).toBeUndefined();
  });
});
