// Tags in use through HTTP: counts follow every tag added or removed, a record deleted or
// restored, per collection and per account.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let acme: TestAccount;
let other: TestAccount;

beforeAll(async () => {
  [acme, other] = await Promise.all([api.account('Acme'), api.account('Other')]);
});

/** Tag -> count, walking every page. */
async function tagsInUse(account: TestAccount, entityType: string, limit = 50) {
  const counts: Record<string, number> = {};
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: Array<{ tag: string; count: number }>; nextCursor: string | null } } =
      await account.request('GET', `/api/v1/tags?entityType=${entityType}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    for (const { tag, count } of res.body.items) {
      expect(counts[tag], `${tag} listed twice`).toBeUndefined();
      counts[tag] = count;
    }
    cursor = res.body.nextCursor;
  } while (cursor);
  return counts;
}

describe('Resource: tags', () => {
  it('counts lead tags up and down: added, removed, lead deleted, lead restored', async () => {
    const a = (await acme.request('POST', '/api/v1/leads', { name: 'Tagged A', tags: ['vip', 'Ёлка'] })).body;
    await acme.request('POST', '/api/v1/leads', { name: 'Tagged B', tags: ['vip'] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 2, 'Ёлка': 1 });

    await acme.request('PATCH', `/api/v1/leads/${a.id}`, { tags: ['Ёлка', 'VIP', 'urgent'] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1, VIP: 1, 'Ёлка': 1, urgent: 1 });

    await acme.request('PATCH', `/api/v1/leads/${a.id}`, { tags: [] });
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1 });

    await acme.request('PATCH', `/api/v1/leads/${a.id}`, { tags: ['urgent'] });
    expect((await acme.request('DELETE', `/api/v1/leads/${a.id}`)).status).toBe(204);
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1 });

    expect((await acme.request('POST', `/api/v1/trash/lead/${a.id}/restore`)).status).toBe(200);
    expect(await tagsInUse(acme, 'leads')).toEqual({ vip: 1, urgent: 1 });
  });

  it('pages through tags in tag order, never another account\'s', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const account = await api.account('Pager');
    await account.request('POST', '/api/v1/leads', { name: 'Many tags', tags });
    const page = await account.request('GET', '/api/v1/tags?entityType=leads&limit=5');
    expect(page.body.items.map((t: { tag: string }) => t.tag)).toEqual(tags.slice(0, 5));
    expect(Object.keys(await tagsInUse(account, 'leads', 5))).toEqual(tags);
    expect(await tagsInUse(other, 'leads')).toEqual({});
  });

  it('refuses a change of more than 20 tags at once (one transaction), and changes nothing', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `bulk${i}`);
    const res = await acme.request('POST', '/api/v1/leads', { name: 'Too many', tags: many });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['tags']);
    expect(Object.keys(await tagsInUse(acme, 'leads')).some((t) => t.startsWith('bulk'))).toBe(false);
  });

  it('needs a known collection', async () => {
    expect((await acme.request('GET', '/api/v1/tags')).status).toBe(400);
    expect((await acme.request('GET', '/api/v1/tags?entityType=tasks')).status).toBe(400);
  });

  it('counts contact and company tags apart from lead tags', async () => {
    const contact = (await acme.request('POST', '/api/v1/contacts', { name: 'Tag Person', tags: ['vip', 'partner'] })).body;
    const company = (await acme.request('POST', '/api/v1/companies', { name: 'Tag Corp', tags: ['partner'] })).body;
    expect(await tagsInUse(acme, 'contacts')).toEqual({ vip: 1, partner: 1 });
    expect(await tagsInUse(acme, 'companies')).toEqual({ partner: 1 });
    await acme.request('PATCH', `/api/v1/contacts/${contact.id}`, { tags: ['partner'] });
    await acme.request('DELETE', `/api/v1/companies/${company.id}`);
    expect(await tagsInUse(acme, 'contacts')).toEqual({ partner: 1 });
    expect(await tagsInUse(acme, 'companies')).toEqual({});
    expect((await tagsInUse(acme, 'leads')).partner).toBeUndefined();
  });
});
