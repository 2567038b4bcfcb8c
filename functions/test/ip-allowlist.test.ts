// The IP allow-list through the local API Gateway emulator, judged by the connection's own
// source address (no test header): clients bind to 127.0.0.1, 127.0.0.2 or ::1, all loopback.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IP_NOT_ALLOWED } from '@crm/contract';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

type From = '127.0.0.1' | '127.0.0.2' | '::1';

let api: Awaited<ReturnType<typeof startTestApi>>;
let port: number;

beforeAll(async () => {
  // Dual-stack, and no source-address header: the emulator takes the socket's remote address.
  api = await startTestApi({ host: '::', sourceIpHeader: undefined });
  port = Number(new URL(api.apiUrl).port);
});
afterAll(() => api?.close());

/** One request from a chosen loopback address; v4 sources reach the dual-stack server over 127.0.0.1. */
function call(from: From, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; body: any }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      {
        host: from === '::1' ? '::1' : '127.0.0.1',
        localAddress: from,
        port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('IP allow-list by the request source address', () => {
  let admin: TestAccount;
  beforeAll(async () => {
    admin = await signupAndLogin(api.apiUrl, { company: 'Allow-list LLC' });
  });

  it('lets everyone in while the list is empty, v4 and v6', async () => {
    for (const from of ['127.0.0.1', '127.0.0.2', '::1'] as const) {
      expect((await call(from, admin.token, 'GET', '/api/v1/me')).status, from).toBe(200);
    }
    const settings = await call('127.0.0.1', admin.token, 'GET', '/api/v1/settings');
    expect(settings.body).toMatchObject({
      name: 'Allow-list LLC',
      currency: 'USD',
      timezone: 'UTC',
      locale: 'en',
      ipAllowlist: [],
      version: 1,
    });
  });

  it("refuses a list without the saving admin's own address, and keeps the old one", async () => {
    const refused = await call('127.0.0.1', admin.token, 'PATCH', '/api/v1/settings', { ipAllowlist: ['10.0.0.0/8', '::1'] });
    expect(refused.status).toBe(409);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/127\.0\.0\.1 is not on this list.*lock you out/);
    // The same guard for an IPv6 caller: a v4-only list would shut ::1 out.
    const v6 = await call('::1', admin.token, 'PATCH', '/api/v1/settings', { ipAllowlist: ['127.0.0.0/8'] });
    expect(v6.status).toBe(409);
    expect(v6.body.detail).toContain('::1');
    const after = await call('127.0.0.1', admin.token, 'GET', '/api/v1/settings');
    expect(after.body).toMatchObject({ ipAllowlist: [], version: 1 });
  });

  it('refuses entries that are not addresses or ranges, naming each', async () => {
    const bad = await call('127.0.0.1', admin.token, 'PATCH', '/api/v1/settings', {
      ipAllowlist: ['127.0.0.1', '300.1.1.1/8', 'fe80::/200'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'ipAllowlist.1', message: expect.any(String) },
      { path: 'ipAllowlist.2', message: expect.any(String) },
    ]);
  });

  it('saves a v4 and a v6 entry (normalised) and then judges every request by its source', async () => {
    const saved = await call('127.0.0.1', admin.token, 'PATCH', '/api/v1/settings', {
      ipAllowlist: ['127.0.0.1', '::1/128', '127.0.0.1/32'],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ipAllowlist: ['127.0.0.1/32', '::1/128'], version: 2 });

    expect((await call('127.0.0.1', admin.token, 'GET', '/api/v1/me')).status).toBe(200);
    expect((await call('::1', admin.token, 'GET', '/api/v1/leads')).status).toBe(200);
    const outside = await call('127.0.0.2', admin.token, 'GET', '/api/v1/me');
    expect(outside.status).toBe(403);
    expect(outside.type).toContain('application/problem+json');
    expect(outside.body).toMatchObject({ type: IP_NOT_ALLOWED, status: 403, address: '127.0.0.2' });
    expect(outside.body.detail).toMatch(/127\.0\.0\.2 is not on this account's IP allow-list/);
    // Writes are refused before anything is written.
    const write = await call('127.0.0.2', admin.token, 'POST', '/api/v1/leads', { name: 'From outside' });
    expect(write.status).toBe(403);
    const leads = await call('127.0.0.1', admin.token, 'GET', '/api/v1/leads');
    expect(leads.body.items).toEqual([]);
  });

  it('does not believe a viewer-IP header without the origin secret', async () => {
    const spoofed = await call('127.0.0.2', admin.token, 'GET', '/api/v1/me', undefined, { 'x-crm-viewer-ip': '127.0.0.1' });
    expect(spoofed.status).toBe(403);
  });

  it('narrows to IPv6 only from an IPv6 address: v4 callers are then out, other users of the account too', async () => {
    const email = `manager-${Math.random().toString(36).slice(2)}@example.com`;
    const invited = await call('::1', admin.token, 'POST', '/api/v1/users', {
      email,
      name: 'Mia',
      role: 'manager',
      password: 'Test-password-1',
    });
    expect(invited.status).toBe(201);
    const manager = await logInAs(email, 'Test-password-1');
    expect((await call('::1', admin.token, 'PATCH', '/api/v1/settings', { ipAllowlist: ['::1/128'] })).status).toBe(200);
    expect((await call('127.0.0.1', admin.token, 'GET', '/api/v1/me')).status).toBe(403);
    expect((await call('127.0.0.1', manager, 'GET', '/api/v1/me')).status).toBe(403);
    expect((await call('::1', manager, 'GET', '/api/v1/me')).status).toBe(200);
    // Settings stay the admin's: a manager on an allowed address is still refused them.
    expect((await call('::1', manager, 'GET', '/api/v1/settings')).status).toBe(403);
    // Emptying the list lets everyone in again.
    expect((await call('::1', admin.token, 'PATCH', '/api/v1/settings', { ipAllowlist: [] })).status).toBe(200);
    expect((await call('127.0.0.2', manager, 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('other accounts are not affected by this one’s list', async () => {
    const other = await signupAndLogin(api.apiUrl, { company: 'Elsewhere' });
    expect((await call('127.0.0.2', other.token, 'GET', '/api/v1/me')).status).toBe(200);
  });
});
