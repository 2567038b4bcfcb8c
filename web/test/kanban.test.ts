// The kanban in Chromium as a sales team drags on it (issue 9, items 1, 2, 7, 8): a held tile
// drops where the pointer is, a clash shows the lead where it really is, the keyboard and a
// screen reader get names and keep focus, and the board filters with figures that follow.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { launchChromium, newAppContext, PHONE, signUpThroughForm, watchPageErrors, withoutLiveUpdates } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
let stageIds: string[] = [];
let pipelineId = '';
let myUserId = '';
const user = { company: 'Kanban Test LLC', name: 'Boris Seller', email: `kanban-${randomUUID()}@example.com`, password: 'Kanban-pass-1' };

/** The API as another tab or colleague would call it, with the signed-in user's token. */
async function callApi(method: 'GET' | 'POST' | 'PATCH', path: string, data?: object, headers: Record<string, string> = {}) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const res = await page.request.fetch(`${app.url}/api/v1${path}`, {
    method,
    data,
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

const newLead = async (stage: number, extra: object = {}) =>
  (await callApi(
    'POST',
    '/leads',
    { name: `Deal ${randomUUID().slice(0, 8)}`, pipelineId, stageId: stageIds[stage], ...extra },
    { 'idempotency-key': randomUUID() },
  )) as { id: string; name: string };

const column = (p: Page, stage: number) => p.locator(`section[data-stage-id="${stageIds[stage]}"]`);
const tileOf = (p: Page, leadId: string) => p.locator(`article[data-lead-id="${leadId}"]`);
const patchOf = (p: Page) => p.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/leads/'));

async function openBoard(p: Page, query = '') {
  await p.goto(`/leads${query}`);
  await p.locator('section[data-stage-id]').first().waitFor();
}

/** Holds a tile over a point of the board, with real mouse moves as dnd-kit's mouse sensor needs. */
async function holdOver(tile: Locator, target: Locator, holdMs: number) {
  const from = (await tile.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
  await page.waitForTimeout(holdMs);
  return { x: to.x + to.width / 2, y: to.y + 120 };
}

/** Whether a point of the page lies within a column (the dragged tile's overlay hides what is under it). */
async function isWithin(target: Locator, point: { x: number; y: number }) {
  const box = (await target.boundingBox())!;
  return point.x >= box.x && point.x <= box.x + box.width;
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  context = await newAppContext(browser, app.url, { language: 'en' });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
  await signUpThroughForm(page, user);
  const pipelines = await callApi('GET', '/pipelines');
  pipelineId = pipelines.items[0].id;
  stageIds = pipelines.items[0].stages.map((s: { id: string }) => s.id);
  myUserId = (await callApi('GET', '/me')).user.id;
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Kanban: dragging and filtering', () => {
  it(
    'drops a tile held over the 4th column at 1440 px there, without scrolling to Lost',
    async () => {
      // Prepare
      const lead = await newLead(0);
      await openBoard(page);
      const board = page.getByTestId('kanban-board');
      const scrolledBefore = await board.evaluate((b) => b.scrollLeft);
      // Act
      const saved = patchOf(page);
      const point = await holdOver(tileOf(page, lead.id), column(page, 3), 1800);
      const stillUnderPointer = await isWithin(column(page, 3), point);
      const scrolledAfter = await board.evaluate((b) => b.scrollLeft);
      await page.mouse.up();
      // Assess
      expect(stillUnderPointer).toBe(true);
      expect(scrolledAfter).toBe(scrolledBefore);
      expect((await (await saved).json()).stageId).toBe(stageIds[3]);
      expect(await page.getByRole('dialog').count()).toBe(0);
      await column(page, 3).locator(`article[data-lead-id="${lead.id}"]`).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'on a phone, holding a tile in its column neither scrolls the board nor closes the lead as lost',
    async () => {
      // Prepare: the same account on a touch phone, in Russian
      const session = await page.evaluate(() => localStorage.getItem('crm.session')!);
      const phone = await newAppContext(browser, app.url, { viewport: PHONE, language: 'ru', touch: true });
      await phone.addInitScript((s) => localStorage.setItem('crm.session', s), session);
      const p = await phone.newPage();
      const lead = await newLead(0);
      await openBoard(p);
      const tile = tileOf(p, lead.id);
      await tile.scrollIntoViewIfNeeded();
      const box = (await tile.boundingBox())!;
      const at = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
      const cdp = await phone.newCDPSession(p);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: { x: number; y: number }[]) =>
        cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
      // Act: press and hold (the sensor's delay), shift a little, keep holding
      await touch('touchStart', [at]);
      await p.waitForTimeout(400);
      for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: at.x + i * 2, y: at.y + i * 4 }]);
      await p.waitForTimeout(1800);
      const scrolled = await p.getByTestId('kanban-board').evaluate((b) => b.scrollLeft);
      const instructions = await p.locator('[id^="DndDescribedBy"]').first().textContent();
      const held = await column(p, 0).locator(`article[data-lead-id="${lead.id}"]`).getAttribute('data-dragging');
      await touch('touchEnd', []);
      // Assess
      expect(held).toBe('true');
      expect(scrolled).toBeLessThan(20);
      await p.waitForTimeout(300);
      expect(await p.getByRole('dialog').count()).toBe(0);
      await column(p, 0).locator(`article[data-lead-id="${lead.id}"]`).waitFor();
      expect(instructions).toContain('Пробел');
      await phone.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'after a clash with someone else’s move, shows the lead in the column the server has it in',
    async () => {
      // Prepare: the board shows the lead in the first stage; another tab moves it to the third
      // A screen that hears no live update (its socket down): the board stays stale until the clash.
      await withoutLiveUpdates(page);
      const lead = await newLead(0);
      await openBoard(page);
      await tileOf(page, lead.id).waitFor();
      await callApi('PATCH', `/leads/${lead.id}`, { stageId: stageIds[2] }, { 'if-match': '"1"' });
      // Act: the stale tile is dragged to the second stage
      const refused = patchOf(page);
      await holdOver(tileOf(page, lead.id), column(page, 1), 100);
      await page.mouse.up();
      expect((await refused).status()).toBe(412);
      // Assess
      await page.getByText(`“${lead.name}” was moved by someone else to “Decision making”`).waitFor();
      await column(page, 2).locator(`article[data-lead-id="${lead.id}"]`).waitFor();
      await expect.poll(() => page.locator(`section[data-stage-id] article[data-lead-id="${lead.id}"]`).count()).toBe(1);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'saves a tile dragged on again before its first move is saved, without clashing with itself',
    async () => {
      // Prepare: the answer to the first move is held back until the second drag is done
      const lead = await newLead(0);
      await openBoard(page);
      const moves = /\/api\/v1\/leads\/[^/?]+$/;
      const held: Route[] = [];
      let holding = true;
      const hold = (route: Route) => (holding && route.request().method() === 'PATCH' ? void held.push(route) : route.fallback());
      const statuses: number[] = [];
      page.on('response', (r) => {
        if (r.request().method() === 'PATCH' && r.url().endsWith(`/leads/${lead.id}`)) statuses.push(r.status());
      });
      await page.route(moves, hold);
      // Act: to the second stage, then on to the third while the first is still being saved
      await holdOver(tileOf(page, lead.id), column(page, 1), 100);
      await page.mouse.up();
      await expect.poll(() => held.length).toBe(1);
      const moved = column(page, 1).locator(`article[data-lead-id="${lead.id}"]`);
      await moved.waitFor();
      // The first drop's overlay is gone before the tile is picked up again.
      await expect.poll(() => tileOf(page, lead.id).count()).toBe(1);
      await holdOver(moved, column(page, 2), 100);
      await page.mouse.up();
      await column(page, 2).locator(`article[data-lead-id="${lead.id}"]`).waitFor();
      holding = false;
      for (const route of held) await route.continue();
      // Assess: both saved, in order, and the lead is in the third stage
      await expect.poll(() => statuses).toEqual([200, 200]);
      expect((await callApi('GET', `/leads/${lead.id}`)).stageId).toBe(stageIds[2]);
      expect(await page.getByText('was moved by someone else').count()).toBe(0);
      await page.unroute(moves, hold);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'moves a lead with the keyboard, announcing lead and stage names, and keeps focus on it',
    async () => {
      // Prepare
      const lead = await newLead(0);
      await openBoard(page);
      const tile = tileOf(page, lead.id);
      await tile.focus();
      const live = page.locator('[id^="DndLiveRegion"]').first();
      // Act
      await page.keyboard.press('Space');
      await expect.poll(() => live.textContent()).toContain(`“${lead.name}”`);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => live.textContent()).toContain(`Lead “${lead.name}” is over stage “Negotiation”`);
      const saved = patchOf(page);
      await page.keyboard.press('Space');
      // Assess
      expect((await (await saved).json()).stageId).toBe(stageIds[1]);
      await expect.poll(() => live.textContent()).toContain(`Lead “${lead.name}” was dropped on stage “Negotiation”`);
      expect(await live.textContent()).not.toContain(lead.id);
      await expect
        .poll(() =>
          page.evaluate(() => {
            const el = document.activeElement;
            return `${el?.closest('section[data-stage-id]')?.getAttribute('data-stage-id')}/${el?.getAttribute('data-lead-id')}`;
          }),
        )
        .toBe(`${stageIds[1]}/${lead.id}`);
      expect(await page.locator('[id^="DndDescribedBy"]').first().textContent()).toContain('left and right arrow keys');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'filters the board by tag and by the "My leads" view, kept in the URL, with figures of what matches',
    async () => {
      // Prepare: two leads with a tag, one of them another manager's; one without it
      const tag = `t${randomUUID().slice(0, 6)}`;
      const colleague = await callApi('POST', '/users', { email: `colleague-${randomUUID()}@example.com`, name: 'Clara Colleague' });
      const mine = await newLead(0, { tags: [tag], price: 1000 });
      const theirs = await newLead(0, { tags: [tag], price: 500, responsibleUserId: colleague.id });
      const untagged = await newLead(0, { price: 200 });
      // Act: a tag in the URL, then a reload
      await openBoard(page, `?tag=${tag}`);
      await page.reload();
      await tileOf(page, mine.id).waitFor();
      // Assess
      const first = column(page, 0);
      await first.locator(`article[data-lead-id="${theirs.id}"]`).waitFor();
      expect(await tileOf(page, untagged.id).count()).toBe(0);
      const totals = first.getByTestId('stage-totals');
      await expect.poll(() => totals.textContent()).toMatch(/^2 leads · .* · filtered$/);
      expect((await totals.textContent())!.replace(/\D/g, '')).toContain('21500');
      // Act: the "My leads" view
      await page.getByRole('button', { name: 'My leads' }).click();
      // Assess
      await page.waitForURL((url) => url.searchParams.get('responsibleUserId') === myUserId && !url.searchParams.has('tag'));
      await expect.poll(() => tileOf(page, theirs.id).count()).toBe(0);
      await tileOf(page, mine.id).waitFor();
      await tileOf(page, untagged.id).waitFor();
      expect(await page.getByRole('button', { name: 'My leads' }).getAttribute('aria-pressed')).toBe('true');
      // Act + Assess: all leads again, with the stage's own totals
      await page.getByRole('button', { name: 'All leads' }).click();
      await tileOf(page, theirs.id).waitFor();
      await expect.poll(() => totals.getAttribute('data-filtered')).toBeNull();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'filters the list with the same views',
    async () => {
      await page.goto('/leads/list');
      await page.getByRole('button', { name: 'My leads' }).click();
      await page.waitForURL((url) => url.searchParams.get('responsibleUserId') === myUserId);
      await page.getByRole('row').nth(1).waitFor();
      await expect.poll(() => page.getByRole('row', { name: /Clara Colleague/ }).count()).toBe(0);
      await page
        .getByRole('row', { name: new RegExp(user.name) })
        .first()
        .waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it('did not throw in the browser along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
