// Live updates in Chromium (issue 15): two people of one account on the same board see each
// other's moves within 2 s with no reload, a user with view: own never receives another's lead,
// a socket killed for 30 s catches up so that the board equals a fresh load, and a card tells
// who else has it open. The delivery latency is also what `npm run bench` reports (scripts/bench-live.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium, newAppContext, signInThroughForm, signUpThroughForm, watchPageErrors } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
/** The Must-show's 30 s; LIVE_GAP_MS shortens it for a quick local run. */
const GAP_MS = Number(process.env.LIVE_GAP_MS ?? 30_000);

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page;
let boris: Page;
let olga: Page;
let pageErrors: string[] = [];
let pipelineId = '';
let stageIds: string[] = [];
let olgaId = '';
const olgaFrames: string[] = [];
const password = 'Live-pass-1';
const admin = { company: 'Live Team LLC', name: 'Anna Admin', email: `live-${randomUUID()}@example.com`, password };

async function callApi(as: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: object) {
  const token = await as.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const res = await as.request.fetch(`${app.url}/api/v1${path}`, {
    method,
    data,
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.status() === 204 ? undefined : res.json();
}

const column = (p: Page, stage: number) => p.locator(`section[data-stage-id="${stageIds[stage]}"]`);
const tileIn = (p: Page, stage: number, leadId: string) => column(p, stage).locator(`article[data-lead-id="${leadId}"]`);

async function openBoard(p: Page) {
  await p.goto('/leads');
  await p.locator('section[data-stage-id]').first().waitFor();
}

/** Lead ids per column as the board shows them now. */
const boardOf = (p: Page) =>
  p.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('section[data-stage-id]')].map((s) => [
        s.getAttribute('data-stage-id'),
        [...s.querySelectorAll('article[data-lead-id]')].map((a) => a.getAttribute('data-lead-id')).sort(),
      ]),
    ),
  );

async function newUser(name: string, role: string) {
  const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
  const user = await callApi(anna, 'POST', '/users', { email, name, role, password });
  const context = await newAppContext(browser, app.url, { language: 'en' });
  contexts.push(context);
  const page = await context.newPage();
  pageErrors.push(...watchPageErrors(page));
  return { page, id: user.id as string, email };
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  const context = await newAppContext(browser, app.url, { language: 'en' });
  contexts.push(context);
  anna = await context.newPage();
  pageErrors = watchPageErrors(anna);
  await signUpThroughForm(anna, admin);
  const pipelines = await callApi(anna, 'GET', '/pipelines');
  pipelineId = pipelines.items[0].id;
  stageIds = pipelines.items[0].stages.map((s: { id: string }) => s.id);
  const own = { view: 'own', edit: 'own', delete: 'none', export: 'none' };
  const role = await callApi(anna, 'POST', '/roles', {
    name: 'Own only',
    rights: { leads: own, contacts: own, companies: own, tasks: own },
  });
  const b = await newUser('Boris', 'manager');
  const o = await newUser('Olga', role.id);
  boris = b.page;
  olga = o.page;
  olgaId = o.id;
  // Every frame Olga's socket receives, to show what never reached her.
  olga.on('websocket', (ws) => ws.on('framereceived', (f) => olgaFrames.push(String(f.payload))));
  await signInThroughForm(boris, b.email, password);
  await signInThroughForm(olga, o.email, password);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Live: a teammate’s change on my screen', () => {
  it(
    'shows a lead moved by Anna in Boris’s column within 2 s, with no reload; Olga (view: own) never receives it',
    async () => {
      await Promise.all([openBoard(anna), openBoard(boris), openBoard(olga)]);
      // A new lead arrives live too (and the first delivery warms the consumer, as a Lambda's first call would).
      const lead = await callApi(anna, 'POST', '/leads', { name: 'Moved live', pipelineId, stageId: stageIds[0] });
      await tileIn(boris, 0, lead.id).waitFor({ timeout: 5_000 });
      let reloaded = false;
      boris.once('load', () => (reloaded = true));

      const patched = await callApi(anna, 'PATCH', `/leads/${lead.id}`, { stageId: stageIds[1] });
      const saved = Date.now();
      await tileIn(boris, 1, lead.id).waitFor({ timeout: 2_000 });
      const latency = Date.now() - saved;
      expect(latency).toBeLessThan(2_000);
      expect(patched.stageId).toBe(stageIds[1]);
      await expect(tileIn(boris, 0, lead.id).count()).resolves.toBe(0);
      expect(reloaded).toBe(false);

      // Olga sees a lead given to her arrive live; Anna's own lead never reaches her socket.
      const hers = await callApi(anna, 'POST', '/leads', { name: 'For Olga', pipelineId, stageId: stageIds[0], responsibleUserId: olgaId });
      await tileIn(olga, 0, hers.id).waitFor({ timeout: 2_000 });
      expect(olgaFrames.some((f) => f.includes(hers.id))).toBe(true);
      expect(olgaFrames.some((f) => f.includes(lead.id))).toBe(false);
      await expect(tileIn(olga, 1, lead.id).count()).resolves.toBe(0);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'tells Anna on the card that Boris is viewing, then editing, the same lead',
    async () => {
      const lead = await callApi(anna, 'POST', '/leads', { name: 'Shared card', pipelineId, stageId: stageIds[0] });
      await boris.goto(`/leads/${lead.id}`);
      await anna.goto(`/leads/${lead.id}`);
      const hint = anna.getByRole('status').filter({ hasText: 'Boris' });
      await expect(anna.getByText('Boris is viewing this card').waitFor({ timeout: 5_000 })).resolves.toBeUndefined();
      await boris.getByLabel('Lead name').fill('Shared card, edited');
      await expect(anna.getByText(/Boris is editing this card/).waitFor({ timeout: 5_000 })).resolves.toBeUndefined();
      await anna.screenshot({ path: new URL('../../docs/screenshots/live-presence.png', import.meta.url).pathname });
      await boris.goto('/leads');
      await expect(hint.waitFor({ state: 'detached', timeout: 5_000 })).resolves.toBeUndefined();
    },
    BROWSER_TIMEOUT,
  );

  it(
    `catches up after the socket was killed for ${GAP_MS / 1000} s: the board equals a fresh load`,
    async () => {
      // Boris's socket goes through a route the test can cut; while cut, new sockets hang unanswered.
      let current: { page: WebSocketRoute; server: WebSocketRoute } | undefined;
      let cut = false;
      let overSocketWhileCut = 0;
      const held: WebSocketRoute[] = [];
      await boris.routeWebSocket(/.*/, (ws) => {
        if (cut) return void held.push(ws);
        const server = ws.connectToServer();
        // Forwarded by hand, to count what would come over a socket during the cut.
        server.onMessage((message) => {
          if (cut) overSocketWhileCut++;
          ws.send(message);
        });
        current = { page: ws, server };
      });
      const [a, b, c] = await Promise.all(
        [0, 0, 1].map((s, i) => callApi(anna, 'POST', '/leads', { name: `Gap ${i}`, pipelineId, stageId: stageIds[s] })),
      );
      await openBoard(boris);
      await tileIn(boris, 1, c.id).waitFor();
      expect(current).toBeDefined();

      cut = true;
      await current!.server.close();
      await current!.page.close();
      // Changes while Boris is away: moves, a new lead, a deletion, a lead given to Olga.
      await callApi(anna, 'PATCH', `/leads/${a.id}`, { stageId: stageIds[2] });
      await callApi(anna, 'DELETE', `/leads/${c.id}`);
      const d = await callApi(anna, 'POST', '/leads', { name: 'Born in the gap', pipelineId, stageId: stageIds[1] });
      await callApi(anna, 'PATCH', `/leads/${b.id}`, { stageId: stageIds[3], name: 'Renamed in the gap' });
      await new Promise((r) => setTimeout(r, GAP_MS));
      // No socket reached the server while cut (the route held each new one), so nothing came over
      // one; a held socket looks open to the page, which may then read the gap from the event log.
      expect(overSocketWhileCut).toBe(0);
      cut = false;
      for (const ws of held) await ws.close();

      const fresh = await contexts[1]!.newPage();
      await openBoard(fresh);
      await tileIn(fresh, 1, d.id).waitFor(); // the fresh board has its leads, not just its columns
      const want = await boardOf(fresh);
      let got = await boardOf(boris);
      // The next reconnect comes at most the client's longest backoff (15 s, with jitter) after the cut ends.
      for (const end = Date.now() + 35_000; JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end; got = await boardOf(boris)) {
        await boris.waitForTimeout(250);
      }
      expect(got).toEqual(want);
      expect(got[stageIds[1]!]).toContain(d.id);
      expect(got[stageIds[3]!]).toContain(b.id);
      await fresh.close();
    },
    BROWSER_TIMEOUT + GAP_MS + 35_000,
  );
});
