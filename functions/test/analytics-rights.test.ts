// The reports with the caller's rights: a manager whose `leads: view` is `own` sees only their
// own figures (built-in managers see all; custom roles will narrow it, so the scope is stubbed).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useApi, type CrmUser } from './support/api.ts';

vi.mock('../../packages/core/src/rights.ts', async (original) => {
  const real = await original<typeof import('../../packages/core/src/rights.ts')>();
  return {
    ...real,
    scopeOf: (caller: { role: string }, entity: string, action: string) =>
      caller.role === 'manager' && entity === 'leads' && action === 'view'
        ? 'own'
        : real.scopeOf(caller as never, entity as never, action as never),
  };
});

const api = useApi();
let admin: CrmUser;
let manager: Awaited<ReturnType<typeof api.manager>>;

beforeAll(async () => {
  admin = await api.account();
  manager = await api.manager(admin);
  await admin.client.leads.create({ name: 'Admin deal', price: 100 });
  await admin.client.leads.create({ name: 'Manager deal', price: 40, responsibleUserId: manager.userId });
});

describe('Reports with view: own', () => {
  it('shows a manager only their own leads, in every report', async () => {
    const funnel = await manager.client.analytics.funnel({});
    expect(funnel.stages[0]).toMatchObject({ count: 1, amount: 40, reached: 1 });
    const summary = await manager.client.analytics.summary({});
    expect(summary.series.reduce((n, r) => n + r.created, 0)).toBe(1);
    const managers = await manager.client.analytics.managers({});
    expect(managers.items.map((m) => m.userId)).toEqual([manager.userId]);
  });

  it('refuses another user’s figures, while the admin sees everyone', async () => {
    const other = await manager.answer.analytics.funnel({ responsibleUserId: admin.userId });
    expect(other.status).toBe(403);
    const all = await admin.client.analytics.funnel({});
    expect(all.stages[0]).toMatchObject({ count: 2, amount: 140 });
  });
});
