// Full pages: a filter that leaves items out of a Query does not make a page short while more
// match (many clients stop at the first short page), and walking the cursors still returns
// every match exactly once.
import { describe, expect, it } from 'vitest';
import { created, useApi, walk } from './support/api.ts';

const api = useApi();

describe('List pages', () => {
  it('holds `limit` leads of a pipeline sorted by price while more match, though the price index holds both pipelines', async () => {
    const account = await api.account();
    const sales = (await account.request('GET', '/api/v1/pipelines')).body.items[0];
    const partners = await created(account, '/api/v1/pipelines', { name: 'Partners', stages: [{ name: 'New', color: '#123456' }] });
    // Interleaved prices: every other lead in price order belongs to the other pipeline.
    for (let i = 0; i < 12; i++) {
      await created(account, '/api/v1/leads', { name: `Deal ${i}`, price: 1000 - i * 10, pipelineId: i % 2 ? partners.id : sales.id });
    }
    const first = await account.request('GET', `/api/v1/leads?pipelineId=${sales.id}&sort=-price&limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((l: { price: number }) => l.price)).toEqual([1000, 980, 960]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await account.request('GET', `/api/v1/leads?pipelineId=${sales.id}&sort=-price&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((l: { price: number }) => l.price)).toEqual([940, 920, 900]);

    const all = await walk(account, `/api/v1/leads?pipelineId=${sales.id}&sort=-price`, 4);
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
  });

  it('fills a page of contacts found by a name fragment the index cannot answer', async () => {
    const account = await api.account();
    for (let i = 0; i < 10; i++) await created(account, '/api/v1/contacts', { name: i % 3 ? `Other ${i}` : `Ivanov ${i}` });
    const page = await account.request('GET', '/api/v1/contacts?q=ivanov&limit=3');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(3);
    const rest = await account.request('GET', `/api/v1/contacts?q=ivanov&limit=3&cursor=${page.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
  });
});
