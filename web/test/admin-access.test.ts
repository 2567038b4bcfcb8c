// The account's settings sections in Chromium with axe: Account (with the allow-list's lock-out
// guard), Login history, Usage, and the page shown instead of the app when the IP allow-list
// refuses the browser's address. SCREENSHOTS=1 also saves them to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_SOURCE_IP_HEADER } from '../../packages/local/src/testing.ts';
import { seriousA11yViolations } from './a11y.ts';
import { answerTo, holdReads } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let app: SignedInApp;
let page: Page;
let pageErrors: string[];

async function shot(name: string) {
  if (process.env.SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

beforeAll(async () => {
  app = await startSignedIn({ company: 'Access Test LLC', name: 'Ada Admin' });
  ({ page, pageErrors } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
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

      // Two saves in a row, the settings' refetch held back: the second goes with the first's new version.
      await page.getByLabel('IP allow-list').fill('');
      const release = await holdReads(page, /\/api\/v1\/settings$/);
      const save = () => answerTo(page, 'PATCH', /\/api\/v1\/settings$/, () => page.getByRole('button', { name: 'Save' }).click());
      await name.fill('Access Test Renamed');
      expect((await save()).status()).toBe(200);
      await name.fill('Access Renamed LLC');
      expect((await save()).status()).toBe(200);
      await release();
      await page.getByText('Account settings saved').first().waitFor();
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
      // The row is on screen already: wait for the filtered list's answer, then for the row in it.
      await answerTo(page, 'GET', new RegExp(`/login-history\\?.*to=${today}`), () => page.getByLabel('To').fill(today));
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
      await app.call('PATCH', '/settings', { ipAllowlist: ['203.0.113.0/24'] }, { [TEST_SOURCE_IP_HEADER]: '203.0.113.5' });
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
