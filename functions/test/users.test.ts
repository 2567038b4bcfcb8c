// Users and built-in roles: an admin invites a manager, who sees all leads, edits only
// their own, deletes none, administers nothing; a deactivated user's token stops working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnswerClient } from '@crm/contract/client';
import { logInAs, startTestApi } from '@crm/local/testing';
import { clientsOf, crmAccount, type CrmUser } from './support/api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let admin: CrmUser;
let manager: { id: string } & Pick<CrmUser, 'client' | 'answer'>;
const password = 'Manager-password-1';

beforeAll(async () => {
  api = await startTestApi();
  admin = await crmAccount(api.apiUrl);
  const email = `manager-${Date.now()}@example.com`;
  const created = await admin.client.users.create({ email, name: 'Max Manager', role: 'manager', password });
  manager = { id: created.id, ...clientsOf(api.apiUrl, await logInAs(email, password)) };
});
afterAll(() => api.close());

describe('Resource: users', () => {
  it('signs up the caller as admin of a new account', async () => {
    const me = await admin.client.me();
    expect(me).toMatchObject({
      user: { id: admin.userId, role: 'admin', email: admin.email },
      account: { id: admin.accountId, currency: expect.any(String) },
    });
  });

  it('refuses a second sign-up with the same e-mail (409) and creates nothing', async () => {
    const anonymous = createAnswerClient({ baseUrl: api.apiUrl });
    const res = await anonymous.signup({ company: 'Dup', name: 'Dup', email: admin.email, password: 'Test-password-1' });
    expect(res.status).toBe(409);
  });

  it('lists the users of the account only', async () => {
    const list = await admin.client.users.list();
    expect(list.items.map((u) => u.id).sort()).toEqual([admin.userId, manager.id].sort());
  });

  it('lets a manager see all leads and edit only their own', async () => {
    const adminsLead = await admin.client.leads.create({ name: "Admin's deal" });
    expect((await manager.answer.leads.get({ id: adminsLead.id })).status).toBe(200);
    expect((await manager.answer.leads.patch({ id: adminsLead.id }, { price: 1 })).status).toBe(403);
    const own = await manager.client.leads.create({ name: "Manager's deal" });
    expect(own.responsibleUserId).toBe(manager.id);
    expect((await manager.answer.leads.patch({ id: own.id }, { price: 5 })).status).toBe(200);
    expect((await manager.answer.leads.delete({ id: own.id })).status).toBe(403);
    expect((await admin.client.leads.get({ id: adminsLead.id })).version).toBe(1);
  });

  it('keeps administration to admins', async () => {
    expect((await manager.answer.users.create({ email: 'x@example.com', name: 'X' })).status).toBe(403);
    expect((await manager.answer.pipelines.create({ name: 'Mine', stages: [{ name: 'A' }] })).status).toBe(403);
  });

  it('refuses a responsible user who is not in the account', async () => {
    const res = await admin.answer.leads.create({ name: 'Orphan', responsibleUserId: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(res.status).toBe(400);
    expect(!res.ok && res.problem.errors?.[0]?.path).toBe('responsibleUserId');
  });

  it('deactivates a user: their token stops working, their history stays', async () => {
    expect((await admin.answer.users.delete({ id: manager.id })).status).toBe(204);
    expect((await manager.answer.leads.list()).status).toBe(401);
    const user = await admin.client.users.get({ id: manager.id });
    expect(user.active).toBe(false);
    const events = await admin.client.events.list({ entityType: 'user', entityId: manager.id });
    expect(events.items.map((e) => e.type)).toEqual(['user.deactivated', 'user.created']);
    expect((await admin.answer.users.delete({ id: admin.userId })).status).toBe(409);
  });
});

describe('Roles and groups that do not exist', () => {
  it('refuses an unknown role or group id with a 400 on that field', async () => {
    const res = await admin.answer.users.create({ email: `r-${Date.now()}@example.com`, name: 'R', role: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(res.status).toBe(400);
    expect(!res.ok && res.problem.errors?.map((e) => e.path)).toEqual(['role']);
    const patch = await admin.answer.users.patch({ id: admin.userId }, { groupId: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(patch.status).toBe(400);
    expect(!patch.ok && patch.problem.errors?.map((e) => e.path)).toEqual(['groupId']);
  });
});

describe('Sign-up locale and reactivation', () => {
  it('starts a ru account with Russian stages and task types, RUB and Moscow time; en as before', async () => {
    const anonymous = createAnswerClient({ baseUrl: api.apiUrl });
    const email = `ru-${Date.now()}@example.com`;
    const res = await anonymous.signup({ company: 'Ромашка', name: 'Иван', email, password: 'Test-password-1', locale: 'ru' });
    expect(res.status).toBe(201);
    const ru = clientsOf(api.apiUrl, await logInAs(email, 'Test-password-1')).client;
    expect((await ru.me()).account).toMatchObject({ currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru' });
    const [pipeline] = (await ru.pipelines.list()).items;
    expect(pipeline.stages.map((s) => s.name)).toEqual([
      'Первичный контакт',
      'Переговоры',
      'Принимают решение',
      'Согласование договора',
      'Успешно реализовано',
      'Закрыто и не реализовано',
    ]);
    expect((await ru.taskTypes.list()).items.map((t) => t.name).sort()).toEqual(['Встреча', 'Звонок', 'Связаться']);
    expect((await admin.client.me()).account).toMatchObject({ currency: 'USD', timezone: 'UTC', locale: 'en' });
    expect(
      (
        await anonymous.signup({
          company: 'X',
          name: 'X',
          email: `x-${Date.now()}@example.com`,
          password: 'Test-password-1',
          locale: 'de' as 'en',
        })
      ).status,
    ).toBe(400);
  });

  it('reactivates a deactivated user with PATCH { active: true }: their login works again', async () => {
    const email = `back-${Date.now()}@example.com`;
    const user = await admin.client.users.create({ email, name: 'Back', role: 'manager', password });
    expect((await admin.answer.users.delete({ id: user.id })).status).toBe(204);
    const back = await admin.client.users.patch({ id: user.id }, { active: true });
    expect(back.active).toBe(true);
    const token = await logInAs(email, password);
    expect((await clientsOf(api.apiUrl, token).answer.leads.list()).status).toBe(200);
    const events = await admin.client.events.list({ entityType: 'user', entityId: user.id });
    expect(events.items.map((e) => e.type)).toEqual(['user.reactivated', 'user.deactivated', 'user.created']);
  });
});
