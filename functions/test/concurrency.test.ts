// Optimistic concurrency: 20 parallel PATCHes with the same If-Match — one wins, the rest
// get 412, and the event log holds exactly one change.
import { beforeAll, expect, it } from 'vitest';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let account: CrmUser;

beforeAll(async () => {
  account = await api.account();
});

it('lets exactly one of 20 parallel PATCHes with the same If-Match through', async () => {
  const lead = await account.client.leads.create({ name: 'Contested', price: 1 });
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => account.answer.leads.patch({ id: lead.id }, { price: 100 + i }, { ifMatch: 1 })),
  );
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(19);

  const winner = answers.find((a) => a.ok)!;
  if (!winner.ok) throw new Error('no winner');
  const now = await account.client.leads.get({ id: lead.id });
  expect(now).toMatchObject({ version: 2, price: winner.body.price });

  const events = (await account.client.events.list({ entityType: 'lead', entityId: lead.id })).items;
  const updates = events.filter((e) => e.type === 'lead.updated');
  expect(updates).toHaveLength(1);
  expect(updates[0].changes).toEqual([{ field: 'price', from: 1, to: winner.body.price }]);
});

it('applies 10 parallel PATCHes without If-Match one after another, losing none', async () => {
  const lead = await account.client.leads.create({ name: 'Busy' });
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => account.answer.leads.patch({ id: lead.id }, { tags: [`t${i}`] })));
  expect(answers.every((a) => a.status === 200)).toBe(true);
  const now = await account.client.leads.get({ id: lead.id });
  expect(now.version).toBe(11);
  const events = (await account.client.events.list({ entityType: 'lead', entityId: lead.id, type: 'lead.updated' })).items;
  expect(events).toHaveLength(10);
});
