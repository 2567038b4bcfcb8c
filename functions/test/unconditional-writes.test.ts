// A change without If-Match is never lost (issue 9, item 17): under a storm of parallel PATCHes
// of one lead each answer is 200, or 503 with Retry-After when truly saturated, never a 409;
// and every 200 is in the final version and the event log exactly once.
import { beforeAll, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let account: TestAccount;

beforeAll(async () => {
  account = await api.account();
});

it('applies 40 parallel PATCHes without If-Match of one lead, each 200 exactly once', async () => {
  const lead = (await account.request('POST', '/api/v1/leads', { name: 'Stormy', price: 1 })).body;
  // A distinct price per request, so that each applied change shows in the log as its own.
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => account.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 1000 + i })),
  );
  for (const a of answers) {
    expect([200, 503], JSON.stringify(a.body)).toContain(a.status);
    if (a.status === 503) expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  const applied = answers.filter((a) => a.status === 200).map((a) => a.body);
  expect(applied.length).toBeGreaterThan(0);
  // Each 200 saw its own version: the changes went one after another.
  expect(applied.map((l) => l.version).sort((a, b) => a - b)).toEqual(applied.map((_, i) => i + 2));

  const now = (await account.request('GET', `/api/v1/leads/${lead.id}`)).body;
  expect(now.version).toBe(1 + applied.length);
  expect(now.price).toBe(applied.find((l) => l.version === now.version)!.price);

  const log = await account.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}&type=lead.updated&limit=250`);
  const events = log.body.items;
  const logged = events.map((e: { changes: Array<{ field: string; to: unknown }> }) => e.changes.find((c) => c.field === 'price')!.to);
  expect(logged.sort()).toEqual(applied.map((l) => l.price).sort());
}, 60_000);
