// A child service that dies is started again (issue 9, item 21): DynamoDB Local killed under a
// running stack comes back on the same port with its data, and the API answers again; a service
// that keeps dying is given up with one line, so that `npm start` stops instead of serving 500s.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { logIn } from '../src/cognito.ts';
import { callApi } from '../src/http-client.ts';
import { REPO_ROOT } from '../src/local-state.ts';
import { startService, supervise } from '../src/processes.ts';
import { startStack } from '../src/stack.ts';
import { descendants, isAlive } from './processes.ts';

mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
const dataDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'supervise-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The JVM itself, not the guard whose arguments name the jar too. */
const javaPids = () =>
  descendants(process.pid)
    .filter((p) => /^\S*java /.test(p.command))
    .map((p) => p.pid);

it('starts a killed DynamoDB Local again, and the API answers with the data kept', async () => {
  const lost: string[] = [];
  const stack = await startStack({ dataDir, events: false, onServiceLost: (line) => lost.push(line) });
  try {
    const email = `kept-${Date.now()}@example.com`;
    const signup = await callApi(stack.apiUrl, 'POST', '/api/v1/signup', {
      company: 'Kept',
      name: 'K',
      email,
      password: 'Test-password-1',
    });
    expect(signup.status).toBe(201);
    const token = await logIn(stack.env.COGNITO_ENDPOINT, stack.env.USER_POOL_CLIENT_ID, email, 'Test-password-1');
    const me = () => callApi(stack.apiUrl, 'GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` });
    const [java] = javaPids();
    process.kill(java!, 'SIGKILL');

    // Until DynamoDB Local is back a request answers 503; then the account made before is there.
    const deadline = Date.now() + 60_000;
    let answer = await me();
    while (answer.status !== 200 && Date.now() < deadline) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      await new Promise((r) => setTimeout(r, 500));
      answer = await me();
    }
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.user.email).toBe(email);
    expect(javaPids()).toHaveLength(1);
    expect(javaPids()).not.toContain(java);
    expect(lost).toEqual([]);
  } finally {
    const kids = descendants(process.pid).filter((p) => /java|cognito-local|guard\.mjs/.test(p.command));
    await stack.stop();
    for (const p of kids) expect(isAlive(p.pid), p.command).toBe(false);
  }
}, 120_000);

it('gives a service that keeps dying up with one line', async () => {
  const dying = () => startService('flaky', process.execPath, ['-e', 'process.exit(3)']);
  const lines: string[] = [];
  const gaveUp = new Promise<string>((resolve) => {
    supervise(dying(), { restart: async () => dying(), maxRestarts: 2, onRestart: (l) => lines.push(l), onGiveUp: resolve });
  });
  const line = await gaveUp;
  expect(lines).toEqual(Array(2).fill('flaky stopped unexpectedly (exit code 3); started it again'));
  expect(line).toBe('flaky stopped unexpectedly (exit code 3) for the 3rd time within 60 s; stopping the CRM');
  expect(line).not.toContain('\n');
});
