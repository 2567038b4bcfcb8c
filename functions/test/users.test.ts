// Users and built-in roles: an admin invites a manager, who sees all leads, edits only
// their own, deletes none, administers nothing; a deactivated user's token stops working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@crm/local/http-client';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

let api: Awaited<ReturnType<typeof startTestApi>>;
let admin: TestAccount;
let manager: { id: string; request: TestAccount['request'] };
const password = 'Manager-password-1';

beforeAll(async () => {
  api = await startTestApi();
  admin = await signupAndLogin(api.apiUrl);
  const email = `manager-${Date.now()}@example.com`;
  const created = await admin.request('POST', '/api/v1/users', { email, name: 'Max Manager', role: 'manager', password });
  expect(created.status).toBe(201);
  const token = await logInAs(email, password);
  manager = { id: created.body.id, request: (m, p, b, h = {}) => callApi(api.apiUrl, m, p, b, { authorization: `Bearer ${token}`, ...h }) };
});
afterAll(() => api.close());

describe('Resource: users', () => {
  it('signs up the caller as admin of a new account', async () => {
    const me = await admin.request('GET', '/api/v1/me');
    expect(me.body).toMatchObject({ user: { id: admin.userId, role: 'admin', email: admin.email }, account: { id: admin.accountId, currency: expect.any(String) } });
  });

  it('refuses a second sign-up with the same e-mail (409) and creates nothing', async () => {
    const res = await callApi(api.apiUrl, 'POST', '/api/v1/signup', { company: 'Dup', name: 'Dup', email: admin.email, password: 'Test-password-1' });
    expect(res.status).toBe(409);
  });

  it('lists the users of the account only', async () => {
    const list = await admin.request('GET', '/api/v1/users');
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([admin.userId, manager.id].sort());
  });

  it('lets a manager see all leads and edit only their own', async () => {
    const adminsLead = (await admin.request('POST', '/api/v1/leads', { name: "Admin's deal" })).body;
    expect((await manager.request('GET', `/api/v1/leads/${adminsLead.id}`)).status).toBe(200);
    expect((await manager.request('PATCH', `/api/v1/leads/${adminsLead.id}`, { price: 1 })).status).toBe(403);
    const own = await manager.request('POST', '/api/v1/leads', { name: "Manager's deal" });
    expect(own.status).toBe(201);
    expect(own.body.responsibleUserId).toBe(manager.id);
    expect((await manager.request('PATCH', `/api/v1/leads/${own.body.id}`, { price: 5 })).status).toBe(200);
    expect((await manager.request('DELETE', `/api/v1/leads/${own.body.id}`)).status).toBe(403);
    expect((await admin.request('GET', `/api/v1/leads/${adminsLead.id}`)).body.version).toBe(1);
  });

  it('keeps administration to admins', async () => {
    expect((await manager.request('POST', '/api/v1/users', { email: 'x@example.com', name: 'X' })).status).toBe(403);
    expect((await manager.request('POST', '/api/v1/pipelines', { name: 'Mine', stages: [{ name: 'A' }] })).status).toBe(403);
  });

  it('refuses a responsible user who is not in the account', async () => {
    const res = await admin.request('POST', '/api/v1/leads', { name: 'Orphan', responsibleUserId: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('responsibleUserId');
  });

  it('deactivates a user: their token stops working, their history stays', async () => {
    expect((await admin.request('DELETE', `/api/v1/users/${manager.id}`)).status).toBe(204);
    expect((await manager.request('GET', '/api/v1/leads')).status).toBe(401);
    const user = await admin.request('GET', `/api/v1/users/${manager.id}`);
    expect(user.body.active).toBe(false);
    const events = await admin.request('GET', `/api/v1/events?entityType=user&entityId=${manager.id}`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['user.deactivated', 'user.created']);
    expect((await admin.request('DELETE', `/api/v1/users/${admin.userId}`)).status).toBe(409);
  });
});

describe('Roles and groups that do not exist', () => {
  it('refuses an unknown role or group id with a 400 on that field', async () => {
    const res = await admin.request('POST', '/api/v1/users', { email: `r-${Date.now()}@example.com`, name: 'R', role: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['role']);
    const patch = await admin.request('PATCH', `/api/v1/users/${admin.userId}`, { groupId: '01ABCDEFGHJKMNPQRSTVWXYZ00' });
    expect(patch.status).toBe(400);
    expect(patch.body.errors.map((e: { path: string }) => e.path)).toEqual(['groupId']);
  });
});
