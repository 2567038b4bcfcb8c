// The administrator's Users, Roles and Groups sections in Chromium, each checked with axe and
// pictured in docs/screenshots/; and a sign-up from a Russian browser that starts in roubles.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { answerTo, holdReads, newAppContext } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let app: SignedInApp;
let page: Page;
let pageErrors: string[];
/** Toasts come and go; axe looks at the page once they are gone. */
const noToasts = (p: Page) => expect.poll(() => p.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
const admin = { company: 'Admin Test LLC', name: 'Alla Admin' };

beforeAll(async () => {
  app = await startSignedIn(admin);
  ({ page, pageErrors } = app);
  mkdirSync(SHOTS, { recursive: true });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await app?.close();
});

describe('Settings: people and rights', () => {
  it(
    'invites a user with a password, deactivates and reactivates them',
    async () => {
      await page.goto('/settings/users');
      await page.getByRole('heading', { name: 'Users', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Invite user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite user' });
      await dialog.getByLabel(/^E-mail/).fill(`boris-${randomUUID()}@example.com`);
      await dialog.getByLabel(/^Name/).fill('Boris Seller');
      await dialog.getByLabel(/^Password/).fill('Boris-pass-1');
      await dialog.getByRole('button', { name: 'Invite user' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: 'Boris Seller' });
      await row.getByText('Active').waitFor();
      await page.getByRole('button', { name: 'Deactivate Boris Seller' }).click();
      await row.getByText('Deactivated').waitFor();
      await page.getByRole('button', { name: 'Reactivate Boris Seller' }).click();
      await row.getByText('Active').waitFor();
      await noToasts(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}admin-users.png`, fullPage: true });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a role, narrows its leads to their own in the matrix, and it stays after reload',
    async () => {
      await page.goto('/settings/roles');
      await page.getByRole('heading', { name: 'Roles', level: 2 }).waitFor();
      await page.getByRole('button', { name: 'Add role' }).click();
      const role = page.getByRole('region', { name: 'Role 1' });
      await role.waitFor();
      await role.locator('input[aria-label="Leads: View"]').click();
      await page.getByRole('option', { name: 'Own' }).click();
      await role.getByRole('button', { name: 'Save' }).click();
      await page.reload();
      await expect
        .poll(() => page.getByRole('region', { name: 'Role 1' }).locator('input[aria-label="Leads: View"]').inputValue())
        .toBe('Own');
      await noToasts(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}admin-roles.png`, fullPage: true });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a group with a head',
    async () => {
      await page.goto('/settings/groups');
      await page.getByRole('heading', { name: 'Groups', level: 2 }).waitFor();
      await page.getByLabel('Group name').fill('North office');
      await page.getByRole('button', { name: 'Add group' }).click();
      const head = page.locator('input[aria-label="Head of North office"]');
      await head.click();
      await page.getByRole('option', { name: admin.name }).click();
      await expect.poll(() => head.inputValue()).toBe(admin.name);
      await noToasts(page);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}admin-groups.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    "changes a user's role and right after their group, before the list is read again: both saved",
    async () => {
      await page.goto('/settings/users');
      const role = page.locator('input[aria-label="Role of Boris Seller"]');
      const group = page.locator('input[aria-label="Group of Boris Seller"]');
      await expect.poll(() => role.inputValue()).toBe('Manager');
      // The list's refetch after the first save is held back: the second change must go with the first's new version.
      const release = await holdReads(page, /\/api\/v1\/users(\?|$)/);
      const patched = /\/api\/v1\/users\/[^/?]+$/;
      const first = await answerTo(page, 'PATCH', patched, async () => {
        await role.click();
        await page.getByRole('option', { name: 'Role 1' }).click();
      });
      expect(first.status()).toBe(200);
      await expect.poll(() => role.inputValue()).toBe('Role 1');
      const second = await answerTo(page, 'PATCH', patched, async () => {
        await group.click();
        await page.getByRole('option', { name: 'North office' }).click();
      });
      expect(second.status()).toBe(200);
      await release();
      await page.reload();
      await expect.poll(() => group.inputValue()).toBe('North office');
      expect(await role.inputValue()).toBe('Role 1');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'starts an account signed up from a Russian browser with roubles and Moscow time',
    async () => {
      const ru = await newAppContext(app.browser, app.url, { language: 'ru' });
      const p = await ru.newPage();
      await p.goto('/signup');
      await p.getByLabel(/^Компания/).fill('Ромашка');
      await p.getByLabel(/^Ваше имя/).fill('Иван');
      await p.getByLabel(/^Эл. почта/).fill(`ru-${randomUUID()}@example.com`);
      await p
        .getByLabel(/^Пароль/)
        .first()
        .fill('Web-test-pass-1');
      await p.getByRole('button', { name: 'Создать аккаунт' }).click();
      await p.waitForURL((url) => url.pathname === '/');
      await p.goto('/settings/account');
      await expect.poll(() => p.getByRole('combobox', { name: 'Валюта' }).inputValue()).toBe('RUB');
      await expect.poll(() => p.getByRole('combobox', { name: 'Часовой пояс' }).inputValue()).toBe('Europe/Moscow');
      await ru.close();
    },
    BROWSER_TIMEOUT,
  );
});
