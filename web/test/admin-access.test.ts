// The account's settings sections in Chromium with axe: Account (with the allow-list's lock-out
// guard), Login history, Usage, and the page shown instead of the app when the IP allow-list
// refuses the browser's address. SCREENSHOTS=1 also saves them to docs/screenshots/.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_SOURCE_IP_HEADER } from '../../packages/local/src/testing.ts';
import { seriousA11yViolations } from './a11y.ts';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let page: Page;
let pageErrors: string[];

async function shot(name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  page = await (await newAppContext(browser, app.url, { language: 'en' })).newPage();
  pageErrors = watchPageErrors(page);
  await signUpThroughForm(page, {
    company: 'Access Test LLC',
    name: 'Ada Admin',
    email: `access-${randomUUID()}@example.com`,
    password: 'Access-pass-1',
  });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Settings: account, login history, usage; the IP allow-list page', () => {
  it(
    'edits the account, refusing a list that would lock the admin out',
    async () => {
      await page.goto('/settings/account');
      const name = page.getByLabel('Account name');
      await expect.poll(() => name.inputValue()).toBe('Access Test LLC');
      await page.getByLabel('IP allow-list').fill('10.0.0.0/8');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/127\.0\.0\.1 is not on this list.*lock you out/);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByLabel('IP allow-list').fill('');
      await name.fill('Access Renamed LLC');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Account settings saved').waitFor();
      await shot('settings-account');
      // The profile shows the account from /me, now renamed.
      await page.goto('/settings');
      await page.getByText(/Access Renamed LLC/).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'lists the sign-in the app reported, with address and device, filtered by user and period',
    async () => {
      await page.goto('/settings/login-history');
      const row = page.getByRole('row').filter({ hasText: '127.0.0.1' }).first();
      await row.waitFor();
      expect(await row.textContent()).toMatch(/Ada Admin.*127\.0\.0\.1.*Chrome.*Signed in/);
      const today = new Date().toISOString().slice(0, 10);
      await page.getByLabel('From').fill(today);
      await page.getByLabel('To').fill(today);
      await row.waitFor();
      await page.getByLabel('From').fill('2020-01-01');
      await page.getByLabel('To').fill('2020-01-31');
      await page.getByText('No sign-ins in this period.').waitFor();
      await page.getByLabel('From').fill('');
      await page.getByLabel('To').fill('');
      await row.waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('settings-login-history');
    },
    BROWSER_TIMEOUT,
  );

  it(
    "shows this month's usage and the cost estimate's assumptions",
    async () => {
      await page.goto('/settings/usage');
      await page.getByText('API requests this month').waitFor();
      await page.getByText('How this is estimated').waitFor();
      await page.getByRole('cell', { name: 'DynamoDB writes' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('settings-usage');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows the allow-list page instead of the app when this address is not on the list',
    async () => {
      // Saved as if from 203.0.113.5 (the test API takes the source from a header), so the guard passes.
      const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
      const saved = await page.request.patch(`${app.url}/api/v1/settings`, {
        headers: { authorization: `Bearer ${token}`, [TEST_SOURCE_IP_HEADER]: '203.0.113.5' },
        data: { ipAllowlist: ['203.0.113.0/24'] },
      });
      expect(saved.status(), await saved.text()).toBe(200);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Access from this address is not allowed', level: 1 }).waitFor();
      await page.getByText('127.0.0.1', { exact: true }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await shot('ip-not-allowed');
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
