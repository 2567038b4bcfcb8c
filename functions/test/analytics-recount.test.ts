// The report counters' recount (issue 11): records that existed before the counters get
// counted by a job that recomputes from the records. Here the counters of an account are
// wiped (as before the counters), the job is run a page at a time through checkpoints
// (JSON, as a resumed run reads them), and the counters and reports come back exactly;
// a second run changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db, newRecount, recountTallies, type RecountState } from '@crm/core';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let admin: CrmUser;

const tallies = async () =>
  (await db.tally.query.byKey({ accountId: admin.accountId }).go({ pages: 'all' })).data
    .map(({ key, accountId: _, ...figures }) => ({
      key,
      ...Object.fromEntries(Object.entries(figures).filter(([, v]) => v !== 0 && v !== undefined)),
    }))
    .filter((t) => Object.keys(t).length > 1)
    .sort((a, b) => a.key.localeCompare(b.key));

const reports = () =>
  Promise.all([admin.client.analytics.funnel({}), admin.client.analytics.summary({ groupBy: 'day' }), admin.client.analytics.managers({})]);

beforeAll(async () => {
  admin = await api.account('Recount LLC');
  const manager = await api.manager(admin);
  const [pipeline] = (await admin.client.pipelines.list()).items;
  const stages = pipeline!.stages;
  for (let i = 0; i < 7; i++) {
    const who = i % 2 ? manager : admin;
    const lead = await who.client.leads.create({ name: `Recount ${i}`, price: 1000 + i * 10 });
    if (i % 3 === 1) await admin.client.leads.patch({ id: lead.id }, { stageId: stages[1]!.id });
    if (i === 5) await admin.client.leads.patch({ id: lead.id }, { stageId: stages.find((s) => s.type === 'won')!.id });
    if (i === 6) await admin.client.leads.delete({ id: lead.id });
    const task = await who.client.tasks.create({ text: `Call ${i}`, dueAt: new Date(Date.UTC(2031, 0, 1 + i, 9)).toISOString() });
    if (i % 2 === 0) await who.client.tasks.complete({ id: task.id }, {});
    await who.client.contacts.create({ name: `Contact ${i}` });
  }
}, 120_000);

describe('Recounting the report counters', () => {
  it('brings wiped counters back exactly, resumed a page at a time, and a second run changes nothing', async () => {
    const before = await tallies();
    const reportsBefore = await reports();
    expect(before.length).toBeGreaterThan(5);

    // As before the counters existed: none at all.
    await db.tally.delete(before.map(({ key }) => ({ accountId: admin.accountId, key }))).go();
    expect(await tallies()).toEqual([]);

    // A page of 3 records per call, each call starting from the last checkpoint as read back from JSON.
    let saved = JSON.stringify(newRecount(admin.accountId));
    let calls = 0;
    while ((JSON.parse(saved) as RecountState).phase !== 'done') {
      const state = await recountTallies(JSON.parse(saved), { pages: 1, pageSize: 3, checkpoint: (s) => void (saved = JSON.stringify(s)) });
      expect(JSON.parse(saved)).toEqual(JSON.parse(JSON.stringify(state)));
      expect(++calls).toBeLessThan(50);
    }
    expect(calls).toBeGreaterThan(4);
    expect(JSON.parse(saved).read).toEqual({ leads: 6, tasks: 7, contacts: 7 });
    expect(await tallies()).toEqual(before);
    expect(await reports()).toEqual(reportsBefore);

    // Idempotent: a whole second run, and the counters are the same.
    const again = await recountTallies(newRecount(admin.accountId));
    expect(again.phase).toBe('done');
    expect(await tallies()).toEqual(before);
  });

  it('removes a counter no record contributes to, and corrects a drifted one', async () => {
    const before = await tallies();
    const drifted = before.find((t) => t.key.startsWith('contacts#'))!;
    await db.tally.update({ accountId: admin.accountId, key: drifted.key }).add({ count: 5 }).go();
    await db.tally.put({ accountId: admin.accountId, key: 'due#nobody#2031-01-01T09', count: 2 }).go();
    await db.tally.put({ accountId: admin.accountId, key: 'dueDay#nobody#2031-01-01#s2', count: 1 }).go();
    await recountTallies(newRecount(admin.accountId));
    expect(await tallies()).toEqual(before);
  });
});
