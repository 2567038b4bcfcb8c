// What the HTTP tests share: an in-process API and fresh accounts per file, each with the
// contract's typed client, and a cursor walk.
import { afterAll, beforeAll, expect } from 'vitest';
import { createAnswerClient, createClient, type AnswerClient, type Client } from '@crm/contract/client';
import { callApi, type ApiAnswer } from '@crm/local/http-client';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

/** A signed-in user of a test account, calling the API through the typed client. */
export interface CrmUser extends TestAccount {
  /** Calls resolve to the answer's body; a problem is thrown as ApiProblem. */
  client: Client;
  /** Calls resolve to the whole answer (status, headers, body or problem), for tests of statuses and headers. */
  answer: AnswerClient;
}

/** The typed clients of a user holding `token`. */
export function clientsOf(apiUrl: string, token: string): Pick<CrmUser, 'client' | 'answer'> {
  const options = { baseUrl: apiUrl, getToken: () => token };
  return { client: createClient(options), answer: createAnswerClient(options) };
}

/** Signs a new account up (see @crm/local/testing) and gives its admin the typed clients. */
export async function crmAccount(apiUrl: string, company?: string): Promise<CrmUser> {
  const account = await signupAndLogin(apiUrl, company === undefined ? {} : { company });
  return { ...account, ...clientsOf(apiUrl, account.token) };
}

/** Starts the in-process API for the file and returns a getter of it (ready in beforeAll). */
export function useApi() {
  let api: Awaited<ReturnType<typeof startTestApi>> | undefined;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());
  return {
    get apiUrl() {
      return api!.apiUrl;
    },
    /** A new account, so that lists hold only what the test made. */
    account: (company = 'Romashka LLC') => crmAccount(api!.apiUrl, company),
    /** A manager invited into the admin's account, calling the API as themselves. */
    async manager(admin: CrmUser): Promise<Pick<CrmUser, 'userId' | 'request' | 'client' | 'answer'>> {
      const email = `manager-${Math.random().toString(36).slice(2)}@example.com`;
      const user = await admin.client.users.create({ email, name: 'Manager', role: 'manager', password: 'Test-password-1' });
      const token = await logInAs(email, 'Test-password-1');
      return {
        userId: user.id,
        request: (m, p, b, h = {}) => callApi(api!.apiUrl, m, p, b, { authorization: `Bearer ${token}`, ...h }),
        ...clientsOf(api!.apiUrl, token),
      };
    },
  };
}

type Page = { items: Array<{ id: string }>; nextCursor: string | null };

/** Follows nextCursor to the end, `limit` at a time, through a typed list call; returns the ids seen, in order. */
export async function walkIds(list: (page: { limit: number; cursor?: string }) => Promise<Page>, limit = 2): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

/** Follows nextCursor to the end over a raw path (for paths built by the test); returns the ids seen, in order. */
export async function walk(account: TestAccount, path: string, limit = 2): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: ApiAnswer = await account.request(
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
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
