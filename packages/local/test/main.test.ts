// `npm start` as a developer runs it: comes up on the given ports, seeds the demo account through
// the API, and Ctrl-C stops every child; without Java it says so in one line.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { JAVA_HINT } from '../src/dynamodb.ts';
import { REPO_ROOT } from '../src/local-state.ts';
import { freePort } from '../src/ports.ts';
import { descendants, isAlive } from './processes.ts';

const TSX = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
const tmp = mkdtempSync(join(REPO_ROOT, '.tmp', 'main-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, 'packages/local/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CRM_SKIP_WEB_BUILD: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so SIGINT reaches it all as a terminal's Ctrl-C does
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const output = () => ({ stdout, stderr });
  const waitFor = async (text: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!stdout.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${text}" in:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, output, waitFor };
}

it('comes up, seeds the demo account, answers, and SIGINT stops every child', async () => {
  const [api, dynamodb, cognito] = [await freePort(), await freePort(), await freePort()];
  const dataDir = join(tmp, 'data');
  const main = runMain({ PORT: String(api), DYNAMODB_PORT: String(dynamodb), COGNITO_PORT: String(cognito), CRM_DATA_DIR: dataDir });
  try {
    await main.waitFor('CRM is running at', 90_000);
    expect(main.output().stdout).toContain(`http://localhost:${api}`);
    const health = await fetch(`http://localhost:${api}/api/v1/health`);
    expect(health.status).toBe(200);
    const config = await (await fetch(`http://localhost:${api}/config.json`)).json();
    expect(config).toMatchObject({ apiUrl: `http://localhost:${api}`, cognitoEndpoint: `http://localhost:${cognito}` });
    const state = JSON.parse(readFileSync(join(dataDir, 'local.json'), 'utf8'));
    expect(state).toMatchObject({ userPoolId: config.userPoolId, demo: { email: 'demo@example.com', accountId: expect.any(String) } });
  } finally {
    const kids = descendants(main.child.pid!);
    process.kill(-main.child.pid!, 'SIGINT');
    // tsx relays the signal and exits 130 if our handler was slow to acknowledge it; either way
    // main's own stop or the guards must leave nothing behind.
    expect([0, 130]).toContain(await main.exited);
    const deadline = Date.now() + 15_000;
    while (kids.some((p) => isAlive(p.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const p of kids) expect(isAlive(p.pid), p.command).toBe(false);
  }
  expect(main.output().stdout).toContain('stopping the CRM');
}, 150_000);

it('without Java it prints one line and exits 1', async () => {
  const bin = join(tmp, 'bin-without-java');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  const main = runMain({ PATH: bin, CRM_DATA_DIR: join(tmp, 'no-java'), PORT: '0', DYNAMODB_PORT: '0', COGNITO_PORT: '0' });
  expect(await main.exited).toBe(1);
  expect(main.output().stderr.trim()).toBe(JAVA_HINT);
  expect(main.output().stdout.trim()).toBe('');
});
