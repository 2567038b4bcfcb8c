// Account settings, login history and usage through the typed client: admin-only, versioned,
// validated, one sign-in per token however often it is reported, and the month's counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@crm/local/http-client';
import { logInAs, startTestApi, TEST_SOURCE_IP_HEADER } from '@crm/local/testing';
import { clientsOf, crmAccount, type CrmUser } from './support/api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let admin: CrmUser;
let manager: { id: string; token: string } & Pick<CrmUser, 'client' | 'answer'>;
const password = 'Manager-password-1';

beforeAll(async () => {
  api = await startTestApi();
  admin = await crmAccount(api.apiUrl, 'Settings LLC');
  const email = `manager-${Date.now()}@example.com`;
  const created = await admin.client.users.create({ email, name: 'Max Manager', role: 'manager', password });
  const token = await logInAs(email, password);
  manager = { id: created.id, token, ...clientsOf(api.apiUrl, token) };
});
afterAll(() => api.close());

describe('Resource: settings', () => {
  it('changes name, currency, time zone and locale with a version, and /me answers them', async () => {
    const before = await admin.answer.settings.get();
    expect(before.status).toBe(200);
    expect(before.headers.get('etag')).toBe('"1"');
    const saved = await admin.client.settings.patch(
      { name: 'Ромашка', currency: 'rub', timezone: 'Europe/Moscow', locale: 'ru' },
      { ifMatch: 1 },
    );
    expect(saved).toMatchObject({ name: 'Ромашка', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru', version: 2 });
    const me = await admin.client.me();
    expect(me.account).toEqual({ id: admin.accountId, name: 'Ромашка', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru' });
    // A stale version changes nothing.
    const stale = await admin.answer.settings.patch({ name: 'Late' }, { ifMatch: 1 });
    expect(stale.status).toBe(412);
    expect((await admin.client.settings.get()).name).toBe('Ромашка');
  });

  it('writes account.updated with the changes to the event log', async () => {
    const events = await admin.client.events.list({ entityType: 'account', entityId: admin.accountId });
    const updated = events.items.find((e) => e.type === 'account.updated');
    expect(updated?.changes).toEqual(
      expect.arrayContaining([
        { field: 'currency', from: 'USD', to: 'RUB' },
        { field: 'timezone', from: 'UTC', to: 'Europe/Moscow' },
      ]),
    );
  });

  it('refuses an unknown time zone, currency or locale and unknown fields (400), changing nothing', async () => {
    for (const body of [{ timezone: 'Mars/Olympus' }, { currency: 'XYZ' }, { locale: 'de' }, { colour: 'red' }, { name: '' }]) {
      const res = await admin.answer.settings.patch(body as never);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.client.settings.get()).version).toBe(2);
  });

  it('is for admins only', async () => {
    expect((await manager.answer.settings.get()).status).toBe(403);
    expect((await manager.answer.settings.patch({ name: 'Mine' })).status).toBe(403);
    expect((await manager.answer.usage()).status).toBe(403);
    expect((await manager.answer.loginHistory.list()).status).toBe(403);
  });
});

describe('Resource: sessions and login history', () => {
  const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
  const iphone =
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

  it('records a sign-in once per token, with its address and device', async () => {
    const first = await admin.request('POST', '/api/v1/sessions', undefined, {
      'user-agent': chrome,
      [TEST_SOURCE_IP_HEADER]: '203.0.113.9',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      recorded: true,
      login: { userId: admin.userId, ip: '203.0.113.9', device: 'Chrome 131 on Windows 10', success: true },
    });
    const again = await admin.request('POST', '/api/v1/sessions', undefined, {
      'user-agent': chrome,
      [TEST_SOURCE_IP_HEADER]: '203.0.113.10',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ recorded: false, login: { id: first.body.login.id, ip: '203.0.113.9' } });
    const byManager = await callApi(api.apiUrl, 'POST', '/api/v1/sessions', undefined, {
      authorization: `Bearer ${manager.token}`,
      'user-agent': iphone,
      [TEST_SOURCE_IP_HEADER]: '2001:db8::7',
    });
    expect([200, 201]).toContain(byManager.status);
    expect(byManager.body.login.device).toMatch(/^Safari 17 on iOS 17.5 \(mobile\)$/);
  });

  it('lists sign-ins newest first, by user and by period, one page at a time', async () => {
    // A later sign-in of the admin: a new token has a new auth_time.
    await new Promise((r) => setTimeout(r, 1100));
    const token = await logInAs(admin.email, admin.password);
    const later = clientsOf(api.apiUrl, token);
    await later.client.sessions.create();
    const all = await admin.client.loginHistory.list();
    expect(all.items.length).toBe(3);
    const times = all.items.map((l) => l.at);
    expect([...times].sort().reverse()).toEqual(times);
    const mine = await admin.client.loginHistory.list({ userId: manager.id });
    expect(mine.items.map((l) => l.userId)).toEqual([manager.id]);
    const first = await admin.client.loginHistory.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    const second = await admin.client.loginHistory.list({ limit: 1, cursor: first.nextCursor! });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const oldest = all.items.at(-1)!;
    const upToOldest = await admin.client.loginHistory.list({ to: oldest.at });
    expect(upToOldest.items.map((l) => l.id)).toContain(oldest.id);
    expect(upToOldest.items.map((l) => l.id)).not.toContain(all.items[0]!.id);
    const fromNewest = await admin.client.loginHistory.list({ from: all.items[0]!.at });
    expect(fromNewest.items.map((l) => l.id)).toEqual([all.items[0]!.id]);
    expect((await admin.answer.loginHistory.list({ from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })).status).toBe(400);
  });
});

describe('Resource: usage', () => {
  it("counts this month's users, records and API requests, and estimates their cost", async () => {
    const lead = await admin.client.leads.create({ name: 'Counted lead' });
    await admin.client.leads.create({ name: 'Second lead' });
    await admin.client.contacts.create({ name: 'Counted contact' });
    await admin.client.tasks.create({ text: 'Call back', dueAt: '2031-01-01T09:00:00.000Z' });
    await admin.client.leads.delete({ id: lead.id });
    const before = await admin.client.usage();
    expect(before.month).toBe(new Date().toISOString().slice(0, 7));
    expect(before.users).toEqual({ active: 2, total: 2 });
    expect(before.records).toEqual({ leads: 1, contacts: 1, companies: 0, tasks: 1 });
    expect(before.apiRequests).toBeGreaterThan(10);
    for (let i = 0; i < 5; i++) await admin.client.me();
    const after = await admin.client.usage();
    // The five calls, and each usage call's own count, which runs beside its read and so may or
    // may not be in the figure it answers.
    expect(after.apiRequests - before.apiRequests).toBeGreaterThanOrEqual(5);
    expect(after.apiRequests - before.apiRequests).toBeLessThanOrEqual(7);
    expect(after.estimate.lines.map((l) => l.service)).toContain('DynamoDB writes');
    expect(after.estimate.totalUsd).toBeCloseTo(
      after.estimate.lines.reduce((s, l) => s + l.costUsd, 0),
      5,
    );
    expect(after.estimate.assumptions.join(' ')).toMatch(/us-east-1/);
    // A restore counts the lead again.
    await admin.client.trash.restore({ entityType: 'lead', id: lead.id });
    expect((await admin.client.usage()).records.leads).toBe(2);
  });
});
