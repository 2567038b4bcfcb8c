// What the HTTP tests share: an in-process API and fresh accounts per file, and a cursor walk.
import { afterAll, beforeAll, expect } from 'vitest';
import { callApi, type ApiAnswer } from '@crm/local/http-client';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

/** Starts the in-process API for the file and returns a getter of it (ready in beforeAll). */
export function useApi() {
  let api: Awaited<ReturnType<typeof startTestApi>> | undefined;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());
  return {
    /** A new account, so that lists hold only what the test made. */
    account: (company = 'Romashka LLC') => signupAndLogin(api!.apiUrl, { company }),
    /** A manager invited into the admin's account, calling the API as themselves. */
    async manager(admin: TestAccount): Promise<Pick<TestAccount, 'userId' | 'request'>> {
      const email = `manager-${Math.random().toString(36).slice(2)}@example.com`;
      const user = await created(admin, '/api/v1/users', { email, name: 'Manager', role: 'manager', password: 'Test-password-1' });
      const token = await logInAs(email, 'Test-password-1');
      return { userId: user.id, request: (m, p, b, h = {}) => callApi(api!.apiUrl, m, p, b, { authorization: `Bearer ${token}`, ...h }) };
    },
  };
}

/** Follows nextCursor to the end with `limit`; returns the ids seen, in order. */
export async function walk(account: TestAccount, path: string, limit = 2): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: ApiAnswer = await account.request('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.body.items.map((i: { id: string }) => i.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return seen;
}

/** Creates and returns the body, failing loudly on anything but 201. */
export async function created(account: TestAccount, path: string, body: unknown) {
  const res = await account.request('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
