// Test helpers: an in-process API Gateway emulator over the run's shared DynamoDB Local and
// cognito-local (started once by test/global-setup.ts), and a signed-up, logged-in account.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { ApiGatewayOptions } from './api-gateway.ts';
import { logIn } from './cognito.ts';
import { dropTable, ensureCrmTable } from './dynamodb.ts';
import { callApi, describeAnswer, type ApiAnswer } from './http-client.ts';
import { applyEnv, startApi, type LocalEnv } from './stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The handlers' environment for the run's shared local services. */
    crmEnv: LocalEnv;
  }
}

/** Tests may set requestContext.http.sourceIp with this header (for the IP allow-list). */
export const TEST_SOURCE_IP_HEADER = 'x-test-source-ip';

/** What this test file has of its own while it runs (startTestApi's `ownTable`). */
let own: { env: LocalEnv; stop(): Promise<void> } | undefined;

/** The shared services' environment (with the file's own table, if any), also put into process.env. */
export function testEnv(): LocalEnv {
  const shared = inject('crmEnv');
  if (!shared) throw new Error('No crmEnv: run tests through the root vitest.config.ts (test/global-setup.ts)');
  const env = own ? { ...shared, ...own.env } : shared;
  applyEnv(env);
  return env;
}

export interface TestApiOptions extends Partial<Omit<ApiGatewayOptions, 'config'>> {
  /**
   * A table of the file's own, created empty, with its own stream poller, bus and scheduler in
   * this process, all dropped on close: for a test that reads the whole table, whose cost would
   * otherwise grow with every file run before it.
   */
  ownTable?: boolean;
}

/** Starts an in-process emulator on a free port over the shared services. */
export async function startTestApi({ ownTable, ...opts }: TestApiOptions = {}) {
  if (ownTable) own = await tableOfOwn(testEnv());
  const api = await startApi(testEnv(), { sourceIpHeader: TEST_SOURCE_IP_HEADER, ...opts });
  const close = async () => {
    await api.close();
    if (!ownTable) return;
    await own?.stop();
    own = undefined;
  };
  return { apiUrl: api.apiUrl, close };
}

async function tableOfOwn(shared: LocalEnv) {
  const TABLE_NAME = `crm-test-${randomUUID()}`;
  await ensureCrmTable(shared.DYNAMODB_ENDPOINT, TABLE_NAME);
  // Loaded only here: the consumers' rules and the bus are not every test's.
  const { startEvents } = await import('./events/index.ts');
  const events = await startEvents({ env: { ...shared, TABLE_NAME } });
  return {
    env: { TABLE_NAME, ...events.env },
    async stop() {
      await events.stop();
      await dropTable(shared.DYNAMODB_ENDPOINT, TABLE_NAME);
    },
  };
}

export interface TestAccount {
  accountId: string;
  userId: string;
  email: string;
  password: string;
  /** Cognito ID token of the account's admin. */
  token: string;
  /** Calls the API as this user; `body` is sent as JSON, the answer parsed when JSON. */
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>>;
}

/** Signs a new account up through POST /api/v1/signup and logs its admin in through cognito-local. */
export async function signupAndLogin(
  apiUrl: string,
  overrides: Partial<{ company: string; name: string; email: string; password: string }> = {},
): Promise<TestAccount> {
  const signup = {
    company: 'Test Company',
    name: 'Test Admin',
    email: `admin-${randomUUID()}@example.com`,
    password: 'Test-password-1',
    ...overrides,
  };
  const answer = await callApi(apiUrl, 'POST', '/api/v1/signup', signup);
  if (answer.status !== 201) throw new Error(describeAnswer('POST', '/api/v1/signup', answer));
  const token = await logInAs(signup.email, signup.password);
  return {
    accountId: answer.body.accountId,
    userId: answer.body.userId,
    email: signup.email,
    password: signup.password,
    token,
    request: (method, path, body, headers = {}) => callApi(apiUrl, method, path, body, { authorization: `Bearer ${token}`, ...headers }),
  };
}

/** An ID token for any user of the shared pool (e.g. one an admin invited with a password). */
export function logInAs(email: string, password: string): Promise<string> {
  const env = testEnv();
  return logIn(env.COGNITO_ENDPOINT, env.USER_POOL_CLIENT_ID, email, password);
}
