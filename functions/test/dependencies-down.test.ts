// Unreachable dependencies (issue 9, item 21): with DynamoDB or Cognito pointed at a loopback port
// that nobody listens on, the handlers answer 503 problem+json with Retry-After, not 500, and a
// request that got half way (a login made before the table write) leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callApi } from '@crm/local/http-client';
import { freePort } from '@crm/local/ports';
import { logInAs, testEnv, type TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let account: TestAccount;

beforeAll(async () => {
  account = await api.account();
});

/**
 * An API whose handlers see `broken` in their environment until `close`. The handlers' clients
 * are made when their modules load (at the first request), so the modules are loaded afresh for
 * it; the healthy API keeps the clients it made already.
 */
async function apiWith(broken: Record<string, string>) {
  vi.resetModules();
  const { startApi } = await import('@crm/local/stack');
  const healthy = testEnv();
  const started = await startApi({ ...healthy, ...broken });
  return { apiUrl: started.apiUrl, close: () => (Object.assign(process.env, healthy), started.close()) };
}

const expectUnavailable = (answer: Awaited<ReturnType<typeof callApi>>) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(503);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.body).toMatchObject({ status: 503, title: 'Service unavailable' });
};

describe('DynamoDB unreachable', () => {
  let down: Awaited<ReturnType<typeof apiWith>>;
  beforeAll(async () => {
    down = await apiWith({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => down?.close());

  it('answers 503 with Retry-After for reads and writes of a signed-in user', async () => {
    const auth = { authorization: `Bearer ${account.token}` };
    expectUnavailable(await callApi(down.apiUrl, 'GET', '/api/v1/leads', undefined, auth));
    expectUnavailable(await callApi(down.apiUrl, 'POST', '/api/v1/leads', { name: 'Lost?' }, auth));
  });

  it('answers a sign-up 503 and keeps no login of it', async () => {
    const email = `down-${Date.now()}@example.com`;
    const answer = await callApi(down.apiUrl, 'POST', '/api/v1/signup', { company: 'Down', name: 'D', email, password: 'Test-password-1' });
    expectUnavailable(answer);
    await expect(logInAs(email, 'Test-password-1')).rejects.toThrow();
  });
});

describe('Cognito unreachable', () => {
  let down: Awaited<ReturnType<typeof apiWith>>;
  beforeAll(async () => {
    down = await apiWith({ COGNITO_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => down?.close());

  it('answers an invitation 503 and adds no user', async () => {
    const email = `nocognito-${Date.now()}@example.com`;
    const body = { email, name: 'Nobody', role: 'manager', password: 'Test-password-1' };
    const answer = await callApi(down.apiUrl, 'POST', '/api/v1/users', body, { authorization: `Bearer ${account.token}` });
    expectUnavailable(answer);
    const users = (await account.request('GET', '/api/v1/users?limit=250')).body.items;
    expect(users.map((u: { email: string }) => u.email)).not.toContain(email);
  });
});
