// The desktop's figures through HTTP, and the day arithmetic they rest on.
import { beforeAll, describe, expect, it } from 'vitest';
import { dayBounds, mondayOf } from '@crm/core';
import { logInAs } from '@crm/local/testing';
import { clientsOf, useApi, type CrmUser } from './support/api.ts';

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

describe('Due task counters', () => {
  it('counts overdue and today from the due counters as a recount of the tasks would, in a zone off the hour', async () => {
    const owner = await api.account('Due Counters LLC');
    // +05:45: the local day starts and ends inside a UTC hour, so its edges are counted from the tasks.
    await owner.client.settings.patch({ timezone: 'Asia/Kathmandu' });
    const t = Date.now();
    const offsets = [-400, -40, -3, -1, 0, 1, 2].map((d) => d * 86_400_000);
    const minutes = [-150, -61, -20, -1, 2, 30, 200, 600].map((m) => m * 60_000);
    const dues = [...offsets, ...minutes].map((o) => new Date(t + o).toISOString());
    const ids = [];
    for (const dueAt of dues) ids.push((await owner.client.tasks.create({ text: `Due ${dueAt}`, dueAt })).id);
    // Changes move the counters: one overdue task done, one rescheduled from overdue to next week, one deleted.
    await owner.client.tasks.complete({ id: ids[1] }, {});
    await owner.client.tasks.patch({ id: ids[2] }, { dueAt: new Date(t + 7 * 86_400_000).toISOString() });
    await owner.client.tasks.delete({ id: ids[3] });
    const open = dues.map((d, i) => (i === 2 ? new Date(t + 7 * 86_400_000).toISOString() : d)).filter((_, i) => i !== 1 && i !== 3);

    const d = await owner.client.dashboard();
    const at = Date.now();
    const { start, end } = dayBounds(new Date(at), 'Asia/Kathmandu');
    expect(d.tasksOverdue).toBe(open.filter((due) => Date.parse(due) < at).length);
    expect(d.tasksToday).toBe(open.filter((due) => due >= start && due < end).length);
  });
});

describe('Dashboard narrowed by rights', () => {
  it('shows a user who may view only their own records their share: leads, amounts, events', async () => {
    const admin = await api.account('Narrow LLC');
    const view = (scope: string) => ({ view: scope, edit: scope, delete: scope, export: 'none' });
    const role = await admin.client.roles.create({
      name: 'Own only',
      rights: { leads: view('own'), contacts: view('own'), companies: view('own'), tasks: view('own') } as never,
    });
    const email = `own-${Math.random().toString(36).slice(2)}@example.com`;
    const olga = await admin.client.users.create({ email, name: 'Olga', role: role.id, password: 'Test-password-1' });
    const asOlga = clientsOf(api.apiUrl, await logInAs(email, 'Test-password-1')).client;
    await admin.client.leads.create({ name: 'Admin deal', price: 1000 });
    await admin.client.contacts.create({ name: 'Admin contact' });
    await asOlga.leads.create({ name: 'Olga deal', price: 70 });
    await admin.client.leads.create({ name: 'Given to Olga', price: 5, responsibleUserId: olga.id });

    const mine = await asOlga.dashboard();
    expect(mine).toMatchObject({ openLeads: 2, openAmount: 75, newLeadsThisWeek: 2 });
    expect(mine.recentEvents.map((e) => (e.data as { lead?: { name: string } }).lead?.name).sort()).toEqual(['Given to Olga', 'Olga deal']);
    const all = await admin.client.dashboard();
    expect(all).toMatchObject({ openLeads: 3, openAmount: 1075, newLeadsThisWeek: 3 });
    expect(all.recentEvents.length).toBeGreaterThan(mine.recentEvents.length);
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
