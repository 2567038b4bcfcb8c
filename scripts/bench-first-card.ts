// `npm run bench` (kanban first card, issue 9 item 13): Chromium opens the board as a returning
// user on a cold HTTP cache (session and remembered stages in localStorage, no cached code), at 0
// and 100 ms of added round trip (CDP network emulation, every request pays it), and prints the time
// from navigation to the first lead card, the requests before it, and their waterfall depth (the
// longest chain of requests each sent after the one before had answered).
// Before: the app left to its components (localStorage crm.firstLoad=off) with the code sent
// uncompressed (Accept-Encoding: identity), as main served it; after: as shipped. Samples alternate.
// BENCH_FIRST_CARD_SAMPLES sets the loads per case (default 5). Loopback only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { logIn } from '../packages/local/src/cognito.ts';
import { startStack } from '../packages/local/src/stack.ts';
import { buildWebIfStale } from '../packages/local/src/web-build.ts';
import { DESKTOP, launchChromium, newAppContext, signInThroughForm } from '../web/test/browser.ts';
import { depthsOf, measureFirstCard, watchFirstCard, type FirstCard } from '../web/test/firstCard.ts';

const SAMPLES = Number(process.env.BENCH_FIRST_CARD_SAMPLES ?? 5);
const RTTS_MS = [0, 100];
const LEADS_PER_STAGE = 4;
type Mode = 'before' | 'after';
type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function load(browser: Browser, url: string, state: StorageState, rttMs: number, mode: Mode): Promise<FirstCard> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: DESKTOP,
    locale: 'en-US',
    serviceWorkers: 'block',
    storageState: state,
  });
  try {
    await watchFirstCard(context);
    if (mode === 'before') await context.addInitScript(() => localStorage.setItem('crm.firstLoad', 'off'));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: -1, uploadThroughput: -1 });
    if (mode === 'before') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    return await measureFirstCard(page, '/leads');
  } finally {
    await context.close();
  }
}

async function main() {
  if (buildWebIfStale() === 'failed') throw new Error('the web app did not build');
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-first-card-'));
  const stack = await startStack({ dataDir, inMemory: true, ports: { api: 0, dynamodb: 0, cognito: 0 } });
  const browser = await launchChromium();
  try {
    const url = stack.apiUrl.replace('127.0.0.1', 'localhost');
    const password = 'Bench-pass-2026';
    const email = `bench-card-${randomUUID()}@example.com`;
    const signup = await fetch(`${url}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Bench First Card', name: 'Anna', email, password }),
    });
    if (!signup.ok) throw new Error(`signup: ${signup.status}`);
    const token = await logIn(stack.env.COGNITO_ENDPOINT, stack.env.USER_POOL_CLIENT_ID, email, password);
    const call = async (method: string, path: string, body?: object) => {
      const res = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: body && JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const pipeline = (await call('GET', '/pipelines')).items[0];
    for (const stage of pipeline.stages.filter((s: { type: string }) => s.type === 'open')) {
      for (let i = 0; i < LEADS_PER_STAGE; i++) {
        await call('POST', '/leads', {
          name: `Deal ${stage.name} ${i + 1}`,
          pipelineId: pipeline.id,
          stageId: stage.id,
          price: 1000 * (i + 1),
        });
      }
    }

    // The returning user: signed in, board seen once; each measured load starts from this storage only.
    const warm = await newAppContext(browser, url, { language: 'en' });
    const warmPage = await warm.newPage();
    await signInThroughForm(warmPage, email, password);
    await warmPage.goto('/leads');
    await warmPage.locator('article[data-lead-id]').first().waitFor();
    const state = await warm.storageState();
    await warm.close();

    console.log(`${SAMPLES} cold loads per case, medians; load average before: ${loadavg()}`);
    for (const rttMs of RTTS_MS) {
      const runs: Record<Mode, FirstCard[]> = { before: [], after: [] };
      for (let i = 0; i < SAMPLES; i++)
        for (const mode of ['before', 'after'] as const) runs[mode].push(await load(browser, url, state, rttMs, mode));
      const figures = (mode: Mode) => ({
        ms: median(runs[mode].map((r) => r.ms)),
        requests: median(runs[mode].map((r) => r.requests.length)),
        depth: median(runs[mode].map((r) => r.depth)),
        kb: median(runs[mode].map((r) => r.bytes)) / 1024,
      });
      const [b, a] = [figures('before'), figures('after')];
      if (process.env.BENCH_FIRST_CARD_TRACE) {
        for (const mode of ['before', 'after'] as const) {
          const { requests } = runs[mode].at(-1)!;
          const depths = depthsOf(requests);
          console.log(`  ${mode}, last load's requests (depth start-end ms path):`);
          requests.forEach((r, i) =>
            console.log(
              `    ${depths[i]} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)} ${new URL(r.name).pathname}${new URL(r.name).search}`,
            ),
          );
        }
      }
      const line = (mode: Mode, f: typeof a) =>
        `  ${mode.padEnd(6)} first card ${f.ms.toFixed(0).padStart(5)} ms, ${f.requests} requests, waterfall depth ${f.depth}, ${f.kb.toFixed(0)} KB`;
      console.log(`+${rttMs} ms round trip:`);
      console.log(line('before', b));
      console.log(line('after', a));
      console.log(
        `  after/before: time ${(a.ms / b.ms).toFixed(2)}x, depth ${(a.depth / b.depth).toFixed(2)}x, bytes ${(a.kb / b.kb).toFixed(2)}x`,
      );
    }
    console.log(`load average after: ${loadavg()}`);
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
