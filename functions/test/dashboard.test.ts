// The desktop's figures through HTTP, and the day arithmetic they rest on.
import { beforeAll, describe, expect, it } from 'vitest';
import { dayBounds, mondayOf } from '@crm/core';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let account: CrmUser;

beforeAll(async () => {
  account = await api.account();
});

describe('Resource: dashboard', () => {
  it('starts empty for a new account', async () => {
    expect(await account.client.dashboard()).toMatchObject({
      openLeads: 0,
      openAmount: 0,
      tasksToday: 0,
      tasksOverdue: 0,
      newLeadsThisWeek: 0,
    });
  });

  it('counts open deals and their sum, new leads, due tasks, and shows the latest events', async () => {
    const pipeline = (await account.client.pipelines.list()).items[0];
    const won = pipeline.stages.find((s) => s.type === 'won')!;
    await account.client.leads.create({ name: 'A', price: 100 });
    await account.client.leads.create({ name: 'B', price: 250 });
    const c = await account.client.leads.create({ name: 'C', price: 1000 });
    await account.client.leads.patch({ id: c.id }, { stageId: won.id });
    const { end } = dayBounds(new Date(), 'UTC');
    const laterToday = new Date(Math.min(Date.now() + 3600_000, Date.parse(end) - 1000)).toISOString();
    await account.client.tasks.create({ text: 'Call back', dueAt: laterToday });
    await account.client.tasks.create({ text: 'Late offer', dueAt: new Date(Date.now() - 86_400_000 * 3).toISOString() });
    await account.client.tasks.create({ text: 'Next month', dueAt: new Date(Date.now() + 86_400_000 * 30).toISOString() });

    const d = await account.client.dashboard();
    expect(d).toMatchObject({ openLeads: 2, openAmount: 350, tasksOverdue: 1, newLeadsThisWeek: 3 });
    expect(d.tasksToday).toBe(Date.parse(laterToday) > Date.now() ? 1 : 0);
    expect(d.recentEvents.length).toBeLessThanOrEqual(10);
    expect(d.recentEvents[0].type).toMatch(/^task\./);
    const times = d.recentEvents.map((e) => e.id);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('Day arithmetic', () => {
  it('finds the local day in a time zone as UTC instants', () => {
    expect(dayBounds(new Date('2026-11-27T22:30:00Z'), 'Europe/Moscow')).toEqual({
      start: '2026-11-27T21:00:00.000Z',
      end: '2026-11-28T21:00:00.000Z',
    });
    expect(dayBounds(new Date('2026-11-27T02:00:00Z'), 'America/New_York').start).toBe('2026-11-26T05:00:00.000Z');
    expect(dayBounds(new Date('2026-11-27T12:00:00Z'), 'UTC').start).toBe('2026-11-27T00:00:00.000Z');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf(new Date('2026-11-27T10:00:00Z'))).toBe('2026-11-23');
    expect(mondayOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(mondayOf(new Date('2026-11-29T23:59:00Z'))).toBe('2026-11-23');
  });
});
