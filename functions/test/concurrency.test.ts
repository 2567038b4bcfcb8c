// Optimistic concurrency: 20 parallel PATCHes with the same If-Match — one wins, the rest
// get 412, and the event log holds exactly one change.
import { beforeAll, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let account: TestAccount;

beforeAll(async () => {
  account = await api.account();
});

it('lets exactly one of 20 parallel PATCHes with the same If-Match through', async () => {
  const lead = (await account.request('POST', '/api/v1/leads', { name: 'Contested', price: 1 })).body;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => account.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 100 + i }, { 'if-match': '"1"' })),
  );
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(19);

  const winner = answers.find((a) => a.status === 200)!.body;
  const now = (await account.request('GET', `/api/v1/leads/${lead.id}`)).body;
  expect(now).toMatchObject({ version: 2, price: winner.price });

  const events = (await account.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}`)).body.items;
  const updates = events.filter((e: { type: string }) => e.type === 'lead.updated');
  expect(updates).toHaveLength(1);
  expect(updates[0].changes).toEqual([{ field: 'price', from: 1, to: winner.price }]);
});

it('applies 10 parallel PATCHes without If-Match one after another, losing none', async () => {
  const lead = (await account.request('POST', '/api/v1/leads', { name: 'Busy' })).body;
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => account.request('PATCH', `/api/v1/leads/${lead.id}`, { tags: [`t${i}`] })),
  );
  expect(answers.every((a) => a.status === 200)).toBe(true);
  const now = (await account.request('GET', `/api/v1/leads/${lead.id}`)).body;
  expect(now.version).toBe(11);
  const events = (await account.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}&type=lead.updated`)).body.items;
  expect(events).toHaveLength(10);
});
