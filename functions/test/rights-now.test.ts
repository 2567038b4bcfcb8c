// Rights take effect on the next request, on every Lambda (issue 10): two separately loaded
// handler modules stand for two Lambda instances; after the admin's 2xx demotion or
// deactivation on one, the very next request on the other is judged by the new rights.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { logInAs, testEnv } from '@crm/local/testing';
import { useApi, type CrmUser } from './support/api.ts';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** A fresh module graph each time: its own caches, its own clients, as a new Lambda instance has. */
async function loadLambda(resource: string): Promise<Handler> {
  vi.resetModules();
  return (await import(`../handlers/${resource}.ts`)).handler as Handler;
}

const context = { awsRequestId: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/** Invokes a handler as API Gateway would, with the route key and path parameters filled. */
async function invoke(handler: Handler, token: string, method: string, route: string, path: string, body?: unknown) {
  const params = Object.fromEntries(
    [...route.matchAll(/\{(\w+)\}/g)].map((m, i) => [m[1], path.split('/')[route.split('/').indexOf(m[0])] ?? String(i)]),
  );
  const event = {
    version: '2.0',
    routeKey: `${method} ${route}`,
    rawPath: path,
    rawQueryString: '',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    pathParameters: Object.keys(params).length ? params : undefined,
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'test',
      routeKey: `${method} ${route}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
    },
  } as APIGatewayProxyEventV2;
  return (await handler(event, context)).statusCode;
}

const api = useApi();
let admin: CrmUser;

beforeAll(async () => {
  testEnv();
  admin = await api.account('Two Lambdas Ltd');
});

async function invite(role: 'admin' | 'manager') {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const user = await admin.client.users.create({ email, name: role, role, password: 'Test-password-1' });
  return { id: user.id, token: await logInAs(email, 'Test-password-1') };
}

describe('Rights on the next request, on every Lambda', () => {
  it('refuses a deactivated user on another Lambda at once', async () => {
    const manager = await invite('manager');
    const leads = await loadLambda('leads');
    const users = await loadLambda('users');
    expect(await invoke(leads, manager.token, 'GET', '/api/v1/leads', '/api/v1/leads')).toBe(200);
    expect(await invoke(users, admin.token, 'DELETE', '/api/v1/users/{id}', `/api/v1/users/${manager.id}`)).toBe(204);
    expect(await invoke(leads, manager.token, 'GET', '/api/v1/leads', '/api/v1/leads')).toBe(401);
  });

  it('refuses a demoted admin on another Lambda at once: no new admin made in a window', async () => {
    const other = await invite('admin');
    const first = await loadLambda('users');
    const second = await loadLambda('users');
    expect(first).not.toBe(second);
    // The second instance has served this admin a moment ago (anything it kept is warm).
    expect(await invoke(second, other.token, 'GET', '/api/v1/users', '/api/v1/users')).toBe(200);
    expect(await invoke(first, admin.token, 'PATCH', '/api/v1/users/{id}', `/api/v1/users/${other.id}`, { role: 'manager' })).toBe(200);
    const newAdmin = { email: `sneaky-${Date.now()}@example.com`, name: 'Sneaky', role: 'admin', password: 'Test-password-1' };
    expect(await invoke(second, other.token, 'POST', '/api/v1/users', '/api/v1/users', newAdmin)).toBe(403);
  });

  it('takes a custom role’s changed rights at the next request', async () => {
    const role = await admin.client.roles.create({
      name: 'Viewer',
      rights: {
        leads: { view: 'all', edit: 'all', delete: 'none', export: 'none' },
        contacts: { view: 'all', edit: 'none', delete: 'none', export: 'none' },
        companies: { view: 'all', edit: 'none', delete: 'none', export: 'none' },
        tasks: { view: 'all', edit: 'none', delete: 'none', export: 'none' },
      },
    });
    const email = `viewer-${Date.now()}@example.com`;
    const user = await admin.client.users.create({ email, name: 'Viewer', role: role.id, password: 'Test-password-1' });
    const token = await logInAs(email, 'Test-password-1');
    const leads = await loadLambda('leads');
    const users = await loadLambda('users');
    expect(await invoke(leads, token, 'GET', '/api/v1/leads', '/api/v1/leads')).toBe(200);
    const noLeads = { ...role.rights, leads: { view: 'none', edit: 'none', delete: 'none', export: 'none' } };
    expect(await invoke(users, admin.token, 'PATCH', '/api/v1/roles/{id}', `/api/v1/roles/${role.id}`, { rights: noLeads })).toBe(200);
    expect(await invoke(leads, token, 'GET', '/api/v1/leads', '/api/v1/leads')).toBe(403);
    expect(user.role).toBe(role.id);
  });
});

describe('At least one active admin, under concurrency', () => {
  it('keeps an admin in 20 runs of two admins demoting or deactivating each other at once', async () => {
    const other = await invite('admin');
    const a = { id: admin.userId, answer: admin.answer };
    const b = { id: other.id, answer: (await import('./support/api.ts')).clientsOf(api.apiUrl, other.token).answer };
    const outcomes: Record<number, number> = {};
    for (let run = 0; run < 20; run++) {
      // Even runs demote, odd runs deactivate; every fourth mixes the two.
      const takeAway = (by: typeof a, target: string, i: number) =>
        i % 2 === 0 ? by.answer.users.patch({ id: target }, { role: 'manager' }) : by.answer.users.delete({ id: target });
      const [ab, ba] = await Promise.all([takeAway(a, b.id, run), takeAway(b, a.id, run % 4 === 3 ? run + 1 : run)]);
      const statuses = [ab.status, ba.status];
      for (const s of statuses) outcomes[s] = (outcomes[s] ?? 0) + 1;
      // Exactly one wins; the other is refused: 409 (the rule), or 401/403 if it was already out.
      expect(
        statuses.filter((s) => s < 300),
        JSON.stringify(statuses),
      ).toHaveLength(1);
      const loser = ab.status < 300 ? ba : ab;
      expect([401, 403, 409]).toContain(loser.status);
      if (loser.status === 409) expect(!loser.ok && loser.problem.detail).toMatch(/at least one active administrator/);
      const users = await (ab.status < 300 ? a : b).answer.users.list({ limit: 100 });
      if (!users.ok) throw new Error(`list failed: ${users.status}`);
      const admins = users.body.items.filter((u) => u.active && u.role === 'admin');
      expect(admins).toHaveLength(1);
      // The winner brings the other back as an active admin for the next run.
      const winner = ab.status < 300 ? a : b;
      const loserId = winner === a ? b.id : a.id;
      const back = await winner.answer.users.patch({ id: loserId }, { role: 'admin', active: true });
      expect(back.status).toBe(200);
    }
    expect(outcomes[409] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, 120_000);
});
