// Integrations in Chromium (issue 12): the bell shows a task that falls due without a reload,
// marks it read; the API keys section shows a new key once and revokes it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors } from './browser.ts';
import { seriousA11yViolations } from './a11y.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let page: Page;
let pageErrors: string[];

async function call<T = { id: string }>(method: 'get' | 'post', path: string, data?: object): Promise<T> {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const answer = await page.request[method](`${app.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, data });
  expect(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`).toBe(true);
  return (await answer.json()) as T;
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  const context = await newAppContext(browser, app.url, { language: 'en' });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
  const email = `bell-${randomUUID()}@example.com`;
  await signUpThroughForm(page, { company: 'Bell Test LLC', name: 'Bella Bell', email, password: 'Bell-test-pass-1' });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('The notification bell', () => {
  it(
    'shows a task that falls due without a reload, links to its lead and marks it read',
    async () => {
      // Prepare: the page is open; a task on a lead falls due in a few seconds
      const bell = page.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 0 unread');
      const lead = await call('post', '/leads', { name: 'Bell lead' });
      await call('post', '/tasks', {
        text: 'Call Bella back',
        dueAt: new Date(Date.now() + 2_000).toISOString(),
        entity: { type: 'lead', id: lead.id },
      });
      // Act: nothing but waiting; the local scheduler fires task.due, the consumer notifies
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 30_000 }).toBe('Notifications, 1 unread');
      // Assess
      await bell.click();
      const item = page.getByRole('link', { name: /Task due: Call Bella back/ });
      await item.waitFor();
      expect(await item.getAttribute('href')).toBe(`/leads/${lead.id}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 0 unread');
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe('Settings: API keys', () => {
  it(
    'creates a key shown once, lists it without the secret, and revokes it',
    async () => {
      await page.goto('/settings/api-keys');
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await page.getByLabel('Name').fill('Zapier');
      await page.getByRole('checkbox', { name: 'contacts:read' }).check();
      await page.getByRole('button', { name: 'Create key' }).click();
      const key = (await page.getByTestId('new-api-key').textContent())!;
      expect(key).toMatch(/^crm_/);
      const row = page.getByRole('row', { name: /Zapier/ });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('leads:read, contacts:read');
      expect(await seriousA11yViolations(page)).toEqual([]);
      // Once dismissed, the key is nowhere on the page
      await page.getByRole('button', { name: 'Hide the key' }).click();
      await page.getByTestId('new-api-key').waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(key);
      await row.getByRole('button', { name: 'Revoke' }).click();
      await row.waitFor({ state: 'detached' });
      const leads = await page.request.get(`${app.url}/api/v1/leads`, { headers: { authorization: `Bearer ${key}` } });
      expect(leads.status()).toBe(401);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe('Settings: automations', () => {
  it(
    "shows the pipeline's stages as columns and adds a tag rule to one",
    async () => {
      await page.goto('/settings/automations');
      await page.getByRole('heading', { name: 'Automations', level: 2 }).waitFor();
      const column = page.getByRole('region').first();
      await column.waitFor();
      const stage = (await column.getByRole('heading', { level: 3 }).textContent())!;
      await column.getByLabel(`Add a tag on entering ${stage}`).fill('hot');
      await column.getByRole('button', { name: 'Add' }).click();
      await column.getByText('Add tag “hot”').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
