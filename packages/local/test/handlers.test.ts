// The emulator in front of the real handler modules, through the shared test services.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signupAndLogin, startTestApi } from '../src/testing.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

it('GET /api/v1/health answers through functions/handlers/health.ts', async () => {
  const res = await fetch(`${api.apiUrl}/api/v1/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

it('signupAndLogin gives a token the handlers accept, for the account it created', async () => {
  const admin = await signupAndLogin(api.apiUrl);
  const me = await admin.request('GET', '/api/v1/me');
  expect(me.status).toBe(200);
  expect(me.body.account.id).toBe(admin.accountId);
  expect(me.body.user).toMatchObject({ id: admin.userId, email: admin.email });
});

it('without a token a private route is a 401 problem', async () => {
  const res = await fetch(`${api.apiUrl}/api/v1/me`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
});
