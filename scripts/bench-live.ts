// `npm run bench` (live updates): the delivery latency from a write's 2xx to the other browser's
// render, p50 and p95, over the local stack (stream poller -> bus -> fan-out consumer -> local
// WebSocket gateway -> Chromium), and the fan-out's cost per 1,000 events from the messages it sent.
// BENCH_LIVE_MOVES sets the number of moves (default 40).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logIn } from '../packages/local/src/cognito.ts';
import { startStack } from '../packages/local/src/stack.ts';
import { buildWebIfStale } from '../packages/local/src/web-build.ts';
import { launchChromium, newAppContext, signInThroughForm } from '../web/test/browser.ts';

const MOVES = Number(process.env.BENCH_LIVE_MOVES ?? 40);
/** List prices (us-east-1) assumed for the estimate. */
const USD_PER_MILLION = { websocketMessages: 1.0, lambdaRequests: 0.2 };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function main() {
  if (buildWebIfStale() === 'failed') throw new Error('the web app did not build');
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-live-'));
  const stack = await startStack({ dataDir, inMemory: true, ports: { api: 0, dynamodb: 0, cognito: 0 } });
  const browser = await launchChromium();
  try {
    const url = stack.apiUrl.replace('127.0.0.1', 'localhost');
    const password = 'Bench-pass-2026';
    const email = `bench-live-${randomUUID()}@example.com`;
    const signup = await fetch(`${url}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ company: 'Bench Live', name: 'Anna', email, password }),
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
    const boris = `bench-boris-${randomUUID()}@example.com`;
    await call('POST', '/users', { email: boris, name: 'Boris', role: 'manager', password });
    const { items } = await call('GET', '/pipelines');
    const stageIds: string[] = items[0].stages.filter((s: { type: string }) => s.type === 'open').map((s: { id: string }) => s.id);
    const lead = await call('POST', '/leads', { name: 'Bench lead', pipelineId: items[0].id, stageId: stageIds[0] });

    // Two people on the board: Anna (whose own writes also come back to her) and Boris, who watches.
    let frames = 0;
    const pages = [];
    for (const who of [email, boris]) {
      const page = await (await newAppContext(browser, url, { language: 'en' })).newPage();
      page.on('websocket', (ws) => ws.on('framereceived', () => frames++));
      await signInThroughForm(page, who, password);
      await page.goto('/leads');
      await page.locator(`article[data-lead-id="${lead.id}"]`).waitFor();
      pages.push(page);
    }
    const watcher = pages[1]!;
    // Let the sockets open, then count only what the moves cause.
    await watcher.waitForTimeout(1500);
    frames = 0;
    const eventsBefore = (await call('GET', '/events?limit=250')).items.length;

    const latencies: number[] = [];
    for (let i = 1; i <= MOVES; i++) {
      const stageId = stageIds[i % stageIds.length]!;
      // The render time is taken in the page (same machine, same clock) the moment the tile shows in its column
      // (a string: tsx would wrap named functions in a helper the page does not have.)
      const selector = `section[data-stage-id="${stageId}"] article[data-lead-id="${lead.id}"]`;
      const rendered = watcher.evaluate<number>(`new Promise((resolve) => {
        if (document.querySelector('${selector}')) return resolve(Date.now());
        const observer = new MutationObserver(() => {
          if (!document.querySelector('${selector}')) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { childList: true, subtree: true });
      })`);
      await call('PATCH', `/leads/${lead.id}`, { stageId });
      const saved = Date.now();
      latencies.push((await rendered) - saved);
    }
    await watcher.waitForTimeout(1500); // the last events' frames
    const events = (await call('GET', '/events?limit=250')).items.length - eventsBefore;
    const perThousand = (n: number) => (n / events) * 1000;
    const messages = perThousand(frames);
    const cost = (messages * USD_PER_MILLION.websocketMessages + 1000 * USD_PER_MILLION.lambdaRequests) / 1e6;
    console.log(`moves: ${MOVES}, events: ${events}, sockets: ${pages.length}`);
    console.log(`delivery, 2xx to the other browser's render: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms`);
    console.log(
      `fan-out per 1,000 events: ${messages.toFixed(0)} WebSocket messages, 1,000 consumer invocations, ` +
        `1 Query + 1 caller read per user on line per event; ~$${cost.toFixed(4)} ` +
        `(messages at $${USD_PER_MILLION.websocketMessages}/M, Lambda requests at $${USD_PER_MILLION.lambdaRequests}/M, duration and reads extra)`,
    );
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
