// The reports through HTTP: after any sequence of lead changes the counters they read give
// the same figures as a recount from the leads themselves (property-based), and the
// caller's rights narrow them.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lead, Pipeline } from '@crm/contract';
import { ApiProblem } from '@crm/contract/client';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();

type Op =
  | { kind: 'create'; stage: number; price: number; user: number }
  | { kind: 'move'; lead: number; stage: number }
  | { kind: 'price'; lead: number; price: number }
  | { kind: 'responsible'; lead: number; user: number }
  | { kind: 'delete'; lead: number }
  | { kind: 'restore'; lead: number };

const price = fc.integer({ min: 0, max: 5000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), stage: fc.nat(20), price, user: fc.nat(1) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), lead: fc.nat(50), stage: fc.nat(20) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('price' as const), lead: fc.nat(50), price }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('responsible' as const), lead: fc.nat(50), user: fc.nat(1) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), lead: fc.nat(50) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('restore' as const), lead: fc.nat(50) }), weight: 1 },
);

/** A stage's funnel rank as the recount sees it: open stages in order, won after them, lost none. */
const rankIn = (p: Pipeline, stageId: string) => {
  const open = p.stages.filter((s) => s.type === 'open');
  const i = open.findIndex((s) => s.id === stageId);
  return i >= 0 ? i : p.stages.find((s) => s.id === stageId)?.type === 'won' ? open.length : -1;
};

async function allLeads(account: CrmUser) {
  const leads: Lead[] = [];
  let cursor: string | undefined;
  do {
    const page = await account.client.leads.list({ limit: 100, cursor });
    leads.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return leads;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('Resource: analytics', () => {
  it('report figures equal a recount from the leads after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 18 }), async (ops) => {
        const admin = await api.account();
        const manager = await api.manager(admin);
        const users = [admin.userId, manager.userId];
        const pipeline = (await admin.client.pipelines.list()).items[0];
        const ids: string[] = [];
        const deleted = new Set<string>();
        const furthest = new Map<string, string>(); // lead -> furthest stage reached, as the model keeps it
        const reach = (id: string, stageId: string) => {
          if (rankIn(pipeline, stageId) > rankIn(pipeline, furthest.get(id) ?? '')) furthest.set(id, stageId);
        };
        for (const o of ops) {
          const target = 'lead' in o ? ids[o.lead % Math.max(ids.length, 1)] : undefined;
          if (o.kind === 'create') {
            const stageId = pipeline.stages[o.stage % pipeline.stages.length].id;
            const lead = await admin.client.leads.create({ name: 'L', price: o.price, stageId, responsibleUserId: users[o.user] });
            ids.push(lead.id);
            reach(lead.id, stageId);
          } else if (!target) continue;
          else if (o.kind === 'restore') {
            if (!deleted.delete(target)) continue;
            const back = await admin.client.trash.restore({ entityType: 'lead', id: target });
            reach(target, (back as Lead).stageId);
          } else if (deleted.has(target)) continue;
          else if (o.kind === 'delete') {
            await admin.client.leads.delete({ id: target });
            deleted.add(target);
          } else if (o.kind === 'move') {
            const stageId = pipeline.stages[o.stage % pipeline.stages.length].id;
            await admin.client.leads.patch({ id: target }, { stageId });
            reach(target, stageId);
          } else if (o.kind === 'price') await admin.client.leads.patch({ id: target }, { price: o.price });
          else await admin.client.leads.patch({ id: target }, { responsibleUserId: users[o.user] });
        }

        const leads = await allLeads(admin);
        const day = today();
        const [funnel, summary, managers] = await Promise.all([
          admin.client.analytics.funnel({ from: day, to: day }),
          admin.client.analytics.summary({ from: day, to: day, groupBy: 'day' }),
          admin.client.analytics.managers({ from: day, to: day }),
        ]);
        const sum = (ls: Lead[]) => ({ count: ls.length, amount: ls.reduce((n, l) => n + l.price, 0) });
        const open = pipeline.stages.filter((s) => s.type === 'open');
        expect(funnel.stages.map((s) => ({ count: s.count, amount: s.amount }))).toEqual(
          open.map((s) => sum(leads.filter((l) => l.stageId === s.id))),
        );
        expect(funnel.won).toEqual(sum(leads.filter((l) => l.status === 'won')));
        expect(funnel.lost).toEqual(sum(leads.filter((l) => l.status === 'lost')));
        expect(funnel.stages.map((s) => s.reached)).toEqual(
          open.map((_, i) => leads.filter((l) => rankIn(pipeline, furthest.get(l.id) ?? '') >= i).length),
        );
        const won = leads.filter((l) => l.status === 'won');
        expect(summary.series).toEqual([
          {
            period: day,
            created: leads.length,
            createdAmount: sum(leads).amount,
            won: won.length,
            wonAmount: sum(won).amount,
            lost: leads.filter((l) => l.status === 'lost').length,
          },
        ]);
        for (const userId of users) {
          const mine = leads.filter((l) => l.responsibleUserId === userId);
          const row = managers.items.find((m) => m.userId === userId);
          expect(row).toMatchObject({
            openLeads: mine.filter((l) => l.status === 'open').length,
            openAmount: sum(mine.filter((l) => l.status === 'open')).amount,
            wonCount: mine.filter((l) => l.status === 'won').length,
            lostCount: mine.filter((l) => l.status === 'lost').length,
          });
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
  }, 120_000);

  describe('rights and filters', () => {
    let admin: CrmUser;
    let manager: Awaited<ReturnType<typeof api.manager>>;
    beforeAll(async () => {
      admin = await api.account();
      manager = await api.manager(admin);
      await admin.client.leads.create({ name: 'Admin deal', price: 100 });
      await admin.client.leads.create({ name: 'Manager deal', price: 40, responsibleUserId: manager.userId });
      await admin.client.tasks.create({ text: 'Late', dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
      const done = await admin.client.tasks.create({ text: 'Done', dueAt: new Date(Date.now() + 86_400_000).toISOString() });
      await admin.client.tasks.complete({ id: done.id }, {});
      await admin.client.contacts.create({ name: 'Ivan' });
    });

    it('shows a manager with view: all every user of the account', async () => {
      const all = await manager.client.analytics.managers({});
      expect(all.items.map((m) => m.userId).sort()).toEqual([admin.userId, manager.userId].sort());
    });

    it('counts tasks and contacts per manager, and filters by responsible user', async () => {
      const { items } = await admin.client.analytics.managers({});
      expect(items.find((m) => m.userId === admin.userId)).toMatchObject({
        openLeads: 1,
        openAmount: 100,
        tasksOpen: 1,
        tasksOverdue: 1,
        tasksCompleted: 1,
        contacts: 1,
      });
      const funnel = await admin.client.analytics.funnel({ responsibleUserId: manager.userId });
      expect(funnel.stages[0]).toMatchObject({ count: 1, amount: 40, reached: 1 });
    });

    it('groups the summary by week and month, empty periods included', async () => {
      const week = await admin.client.analytics.summary({ from: '2026-01-01', to: '2026-01-31', groupBy: 'week' });
      expect(week.series.map((r) => r.period)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
      const month = await admin.client.analytics.summary({ from: '2026-01-15', to: '2026-03-01', groupBy: 'month' });
      expect(month.series.map((r) => r.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    });

    it('answers a bad period or an unknown pipeline with a problem', async () => {
      const bad = await admin.answer.analytics.summary({ from: '2026-02-01', to: '2026-01-01' });
      expect(bad.status).toBe(400);
      const long = await admin.answer.analytics.funnel({ from: '2024-01-01', to: '2026-01-01' });
      expect(long.status).toBe(400);
      const missing = await admin.answer.analytics.funnel({ pipelineId: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
      expect(missing.status).toBe(404);
      await expect(admin.client.analytics.funnel({ from: 'yesterday' } as never)).rejects.toBeInstanceOf(ApiProblem);
    });
  });
});
