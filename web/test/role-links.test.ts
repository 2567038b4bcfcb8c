// Links and buttons follow the caller's rights, not the role's name (issue 10): custom roles
// in Chromium with axe. A role that may delete contacts sees the Trash; one that may neither
// delete, edit nor export sees no Trash, no Import section and no Export button; and the
// built-in manager's view is as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signupAndLogin, type TestAccount } from '../../packages/local/src/testing.ts';
import { seriousA11yViolations } from './a11y.ts';
import { launchChromium, newAppContext, signInThroughForm, watchPageErrors } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const PASSWORD = 'Role-links-pass-1';

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let admin: TestAccount;

const rights = (scope: Record<'view' | 'edit' | 'delete' | 'export', string>, contacts = scope) => ({
  leads: scope,
  contacts,
  companies: scope,
  tasks: scope,
});

/** A user of the admin's account with a new custom role (or a built-in one), to sign in as. */
async function userWith(role: string | object): Promise<string> {
  let roleId = role as string;
  if (typeof role === 'object') {
    const made = await admin.request('POST', '/api/v1/roles', { name: `Role ${randomUUID().slice(0, 6)}`, rights: role });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    roleId = made.body.id;
  }
  const email = `links-${randomUUID()}@example.com`;
  const user = await admin.request('POST', '/api/v1/users', { email, name: 'Link Tester', role: roleId, password: PASSWORD });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  return email;
}

async function signedIn(email: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await newAppContext(browser, app.url, { language: 'en' })).newPage();
  const errors = watchPageErrors(page);
  await signInThroughForm(page, email, PASSWORD);
  return { page, errors };
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' }).first();
const sectionsNav = (page: Page) => page.getByRole('navigation', { name: 'Settings sections' });

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  admin = await signupAndLogin(app.url.replace('localhost', '127.0.0.1'), { password: PASSWORD });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Links by rights', () => {
  it(
    'a custom role that may delete its own contacts (and nothing else) sees the Trash and opens it',
    async () => {
      const none = { view: 'all', edit: 'none', delete: 'none', export: 'none' };
      const email = await userWith(rights(none, { view: 'all', edit: 'own', delete: 'own', export: 'none' }));
      const { page, errors } = await signedIn(email);
      await mainNav(page).getByRole('link', { name: 'Trash' }).click();
      await page.waitForURL((url) => url.pathname === '/trash');
      await page.getByRole('heading', { name: 'Trash' }).first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'a custom role that may only view sees no Trash, no Import section, no Export button and no admin section',
    async () => {
      const email = await userWith(rights({ view: 'all', edit: 'none', delete: 'none', export: 'none' }));
      const { page, errors } = await signedIn(email);
      await mainNav(page).getByRole('link', { name: 'Contacts' }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Trash' }).count()).toBe(0);
      await page.goto('/contacts');
      await page.getByRole('heading', { name: 'Contacts' }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Export', exact: true }).count()).toBe(0);
      await page.goto('/settings');
      await sectionsNav(page).getByRole('link', { name: 'Profile' }).waitFor();
      const sections = await sectionsNav(page).getByRole('link').allTextContents();
      expect(sections).toEqual(['Profile']);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the built-in manager (edit own, delete none, export none) sees Import but no Trash and no Export',
    async () => {
      const { page } = await signedIn(await userWith('manager'));
      await mainNav(page).getByRole('link', { name: 'Contacts' }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Trash' }).count()).toBe(0);
      await page.goto('/settings');
      await sectionsNav(page).getByRole('link', { name: 'Profile' }).waitFor();
      expect(await sectionsNav(page).getByRole('link').allTextContents()).toEqual(['Profile', 'Import']);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});
