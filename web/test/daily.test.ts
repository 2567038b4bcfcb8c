// Daily work in Chromium (issue 9, items 9-12): the desktop names records without a read per
// event, tasks link to records and move on the calendar, search finds phones and Latin
// spellings, and errors follow the language.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium, newAppContext, watchPageErrors } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let page: Page;
let pageErrors: string[];

/** A call of the API as the signed-in user. */
async function call<T = { id: string; version: number }>(
  method: 'get' | 'post' | 'patch' | 'delete',
  path: string,
  data?: object,
): Promise<T> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const answer = await page.request[method](`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, data });
  expect(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`).toBe(true);
  return (answer.status() === 204 ? undefined : await answer.json()) as T;
}

/** The API requests the page makes from now on, until the returned function is called. */
function recordApiRequests() {
  const seen: Request[] = [];
  const listen = (r: Request) => void (r.url().includes('/api/v1/') && seen.push(r));
  page.on('request', listen);
  return () => (page.off('request', listen), seen);
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  const context = await newAppContext(browser, app.url, { language: 'en' });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
  await page.goto('/signup');
  await page.getByLabel(/^Company/).fill('Daily Test LLC');
  await page.getByLabel(/^Your name/).fill('Dana Daily');
  await page.getByLabel(/^E-mail/).fill(`daily-${randomUUID()}@example.com`);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill('Daily-test-pass-1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Desktop', level: 1 }).waitFor();
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Desktop: recent events (item 10)', () => {
  it(
    'names the records from the events themselves, shows a deleted lead as plain text, and asks for no record',
    async () => {
      // Prepare
      const kept = await call('post', '/leads', { name: `Kept ${randomUUID().slice(0, 6)}` });
      const goneName = `Gone ${randomUUID().slice(0, 6)}`;
      const gone = await call('post', '/leads', { name: goneName });
      await call('patch', `/leads/${gone.id}`, { price: 5 });
      await call('delete', `/leads/${gone.id}`);
      const contact = await call<{ id: string; name: string }>('post', '/contacts', { name: `Vera ${randomUUID().slice(0, 6)}` });
      const stop = recordApiRequests();
      // Act
      await page.goto('/');
      // Assess
      const events = page.locator('div', { has: page.getByRole('heading', { name: 'Latest events', level: 2 }) }).last();
      await events.getByRole('link', { name: `Contact: ${contact.name}` }).waitFor();
      await events
        .getByRole('link', { name: /^Lead: Kept/ })
        .first()
        .waitFor();
      expect(await events.getByText(`Lead: ${goneName}`).count()).toBeGreaterThan(0);
      expect(await events.getByRole('link', { name: `Lead: ${goneName}` }).count()).toBe(0);
      await page.waitForLoadState('networkidle');
      const reads = stop().filter((r) => /\/api\/v1\/(leads|contacts|companies)\/[^/?]+$/.test(new URL(r.url()).pathname));
      expect(reads.map((r) => r.url())).toEqual([]);
      expect(kept.id).toBeTruthy();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'deleting a lead on its card asks for it no more (no 404s afterwards)',
    async () => {
      // Prepare
      const name = `Doomed ${randomUUID().slice(0, 6)}`;
      const lead = await call('post', '/leads', { name });
      await page.goto(`/leads/${lead.id}`);
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const stop = recordApiRequests();
      // Act
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await page.waitForURL((url) => url.pathname === '/leads');
      await page.waitForLoadState('networkidle');
      await page.goto('/');
      await page.getByText(`Lead: ${name}`).first().waitFor();
      await page.waitForLoadState('networkidle');
      // Assess
      const asked = stop().filter((r) => r.method() === 'GET' && new URL(r.url()).pathname.includes(lead.id));
      expect(asked.map((r) => r.url())).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe('The browser', () => {
  it('threw nothing along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
