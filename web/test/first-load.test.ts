// The board's first load in Chromium (issue 9, item 13): its data requests go out in one wave,
// /me among them, instead of each waiting for the one before; the code comes brotli-compressed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors } from './browser.ts';
import { measureFirstCard, watchFirstCard } from './firstCard.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const user = { company: 'First Card LLC', name: 'Vera Fast', email: `first-${randomUUID()}@example.com`, password: 'First-card-1' };

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  context = await newAppContext(browser, app.url, { language: 'en' });
  await watchFirstCard(context);
  page = await context.newPage();
  await signUpThroughForm(page, user);
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const call = async (method: string, path: string, data?: object) => {
    const res = await page.request.fetch(`${app.url}/api/v1${path}`, {
      method,
      data,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    });
    expect(res.status(), `${method} ${path}`).toBeLessThan(300);
    return res.json();
  };
  const { items } = await call('GET', '/pipelines');
  await call('POST', '/leads', { name: 'First deal', pipelineId: items[0].id, stageId: items[0].stages[0].id });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the board on a first load', () => {
  it('serves its code brotli-compressed, then asks for /me, the pipelines, totals and every column at once', async () => {
    const errors = watchPageErrors(page);
    const entry: (string | null)[] = [];
    page.on('response', (r) => {
      if (/\/assets\/index-[^/]*\.js$/.test(r.url())) entry.push(r.headers()['content-encoding'] ?? null);
    });
    // A first visit learns the board's stages; from then on, a load asks for them with the pipelines.
    await measureFirstCard(page, '/leads');
    // (files under 1 KB are sent as they are)
    expect(entry).toEqual(['br']);

    const { requests } = await measureFirstCard(page, '/leads');
    const api = requests.filter((r) => r.name.includes('/api/v1/'));
    const path = (r: { name: string }) => new URL(r.name).pathname;
    const columns = api.filter((r) => path(r) === '/api/v1/leads' && new URL(r.name).searchParams.has('stageId'));
    const wave = [
      ...api.filter((r) => ['/api/v1/me', '/api/v1/pipelines'].includes(path(r))),
      ...api.filter((r) => /^\/api\/v1\/pipelines\/[^/]+\/totals$/.test(path(r))),
      ...columns,
    ];
    expect(columns.length).toBeGreaterThanOrEqual(5); // the default pipeline's stages
    expect(wave.length).toBe(columns.length + 3);
    // One wave: each started before any of them had answered.
    const firstAnswer = Math.min(...wave.map((r) => r.responseEnd));
    for (const r of wave) expect(r.startTime, path(r) + new URL(r.name).search).toBeLessThan(firstAnswer);
    expect(errors).toEqual([]);
  });
});
