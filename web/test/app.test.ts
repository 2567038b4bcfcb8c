// The web app in Chromium against the local runtime, as a new customer uses it: sign up, work
// the kanban, add a contact and a task, search, switch language; and an axe check per page.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors, withoutLiveUpdates } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const user = { company: 'Browser Test LLC', name: 'Anna Manager', email: `web-${randomUUID()}@example.com`, password: 'Web-test-pass-1' };
let leadUrl = '';

/** Drags with real mouse moves, as dnd-kit's mouse sensor needs. */
async function dragTo(source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  context = await newAppContext(browser, app.url, { language: 'en' });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Web app: a sales team works in it', () => {
  it(
    'signs up a new account and lands on the desktop',
    async () => {
      // Act
      await signUpThroughForm(page, user);
      // Assess
      await page.getByRole('heading', { name: 'Desktop', level: 1 }).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'tells a wrong password apart, on the sign-in form',
    async () => {
      const other = await newAppContext(browser, app.url, { language: 'en' });
      const login = await other.newPage();
      await login.goto('/login');
      await login.getByLabel(/^E-mail/).fill(user.email);
      await login
        .getByLabel(/^Password/)
        .first()
        .fill('not-the-password');
      await login.getByRole('button', { name: 'Sign in' }).click();
      await login.getByRole('alert').filter({ hasText: 'Wrong e-mail or password' }).waitFor();
      await other.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'creates a lead, drags it to another stage, and it stays there after reload',
    async () => {
      // Prepare
      await page.goto('/leads');
      const columns = page.locator('section[data-stage-id]');
      await columns.first().waitFor();
      const firstStage = columns.nth(0);
      const secondStageId = (await columns.nth(1).getAttribute('data-stage-id'))!;
      const leadName = `Deal ${randomUUID().slice(0, 8)}`;
      await firstStage.getByRole('button', { name: /Quick add/ }).click();
      await firstStage.getByLabel('Lead name').fill(leadName);
      await firstStage.getByLabel('Budget').fill('15000');
      await firstStage.getByRole('button', { name: 'Add' }).click();
      const tile = firstStage.locator('article', { hasText: leadName });
      await tile.waitFor();
      // Act
      const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/leads/'));
      await dragTo(tile, page.locator(`section[data-stage-id="${secondStageId}"]`));
      expect((await saved).status()).toBe(200);
      await page.reload();
      // Assess
      const moved = page.locator(`section[data-stage-id="${secondStageId}"] article`, { hasText: leadName });
      await moved.waitFor();
      expect(await firstStage.locator('article', { hasText: leadName }).count()).toBe(0);
      await moved.getByRole('link', { name: leadName }).click();
      await page.waitForURL(/\/leads\/[^/]+$/);
      leadUrl = page.url();
      await page.getByRole('heading', { name: leadName, level: 1 }).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'puts a moved lead back, with a message, when someone else changed it first',
    async () => {
      // Prepare: a lead on the board, then changed behind the board's back (its version moves on)
      // A screen that hears no live update (its socket down): the board stays stale until the clash.
      await withoutLiveUpdates(page);
      await page.goto('/leads');
      const columns = page.locator('section[data-stage-id]');
      const firstStage = columns.nth(0);
      const leadName = `Contested ${randomUUID().slice(0, 8)}`;
      await firstStage.getByRole('button', { name: /Quick add/ }).click();
      await firstStage.getByLabel('Lead name').fill(leadName);
      await firstStage.getByRole('button', { name: 'Add' }).click();
      const tile = firstStage.locator('article', { hasText: leadName });
      await tile.waitFor();
      const leadId = (await tile.getAttribute('data-lead-id'))!;
      const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
      const changed = await page.request.patch(`${app.url}/api/v1/leads/${leadId}`, {
        headers: { authorization: `Bearer ${token}`, 'if-match': '"1"' },
        data: { price: 999 },
      });
      expect(changed.status()).toBe(200);
      // Act
      await dragTo(tile, columns.nth(2));
      // Assess
      await page.getByText(`“${leadName}” was changed by someone else`).waitFor();
      await firstStage.locator('article', { hasText: leadName }).waitFor();
      expect(await columns.nth(2).locator('article', { hasText: leadName }).count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a contact and a task, completes the task, and finds the contact by search',
    async () => {
      const contactName = `Ivan Petrov ${randomUUID().slice(0, 6)}`;
      // Act: a contact through quick add
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Contact' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill(contactName);
      await dialog.getByLabel('Phones 1').fill('+7 (913) 909-73-32');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/\/contacts\/[^/]+$/);
      const contactUrl = page.url();
      // Act: a task on the contact, then completed with a result
      await page.getByRole('button', { name: 'Add task' }).click();
      await page
        .getByRole('dialog')
        .getByLabel(/^What to do/)
        .fill('Call about the offer');
      await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
      await page.getByRole('checkbox', { name: 'Complete: Call about the offer' }).click();
      await page.getByRole('dialog').getByLabel('Result').fill('Agreed on a meeting');
      await page.getByRole('dialog').getByRole('button', { name: 'Complete' }).click();
      // Assess
      await expect
        .poll(() => page.getByRole('checkbox', { name: 'Complete: Call about the offer' }).isChecked(), { timeout: 15_000 })
        .toBe(true);
      await page.getByText('Result: Agreed on a meeting', { exact: true }).waitFor();
      // Act: search by name prefix from the header
      await page.getByRole('textbox', { name: 'Search' }).fill(contactName.slice(0, 8));
      await page.getByRole('option', { name: new RegExp(contactName) }).click();
      // Assess
      await page.waitForURL(contactUrl);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a company, and from its card a contact who works there',
    async () => {
      const companyName = `Acme ${randomUUID().slice(0, 6)}`;
      // Act: a company through quick add
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Company' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill(companyName);
      await dialog.getByLabel(/^Website/).fill('https://acme.example');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/\/companies\/[^/]+$/);
      await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
      // Act: a contact from the company's card
      await page.getByRole('button', { name: 'Add contact' }).click();
      await page.getByRole('dialog').getByLabel(/^Name/).fill('Olga Sidorova');
      await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
      // Assess: listed among the company's people, and their card opens from there
      await page.getByRole('link', { name: 'Olga Sidorova' }).click();
      await page.waitForURL(/\/contacts\/[^/]+$/);
      await page.getByRole('heading', { name: 'Olga Sidorova', level: 1 }).waitFor();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows an admin the account from /me on the settings page, with no error',
    async () => {
      await page.goto('/settings/account');
      await page.getByRole('heading', { name: 'Account', level: 2 }).waitFor();
      await expect.poll(() => page.getByRole('textbox', { name: 'Account name' }).inputValue()).toBe(user.company);
      expect(await page.getByRole('alert').count()).toBe(0);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'switches the language to Russian and remembers it after reload',
    async () => {
      // Prepare
      await page.goto('/');
      await page.getByRole('heading', { name: 'Desktop', level: 1 }).waitFor();
      // Act
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menu').getByRole('button', { name: 'RU' }).click();
      // Assess
      const leadsInNavigation = page.getByRole('navigation').getByRole('link', { name: 'Сделки' });
      await leadsInNavigation.waitFor();
      await page.reload();
      await leadsInNavigation.waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      // Back to English for the checks below
      await page.evaluate(() => localStorage.setItem('crm.lang', 'en'));
    },
    BROWSER_TIMEOUT,
  );

  it(
    'refreshes an expired ID token without asking to sign in again',
    async () => {
      // Prepare: the stored ID token is past its time
      await page.evaluate(() => {
        const session = JSON.parse(localStorage.getItem('crm.session')!);
        localStorage.setItem('crm.session', JSON.stringify({ ...session, idToken: 'expired', expiresAt: 0 }));
      });
      // Act
      await page.goto('/leads');
      // Assess
      await page.locator('section[data-stage-id]').first().waitFor();
      const after = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
      expect(after).not.toBe('expired');
      expect(after.split('.')).toHaveLength(3);
      expect(page.url()).not.toContain('/login');
    },
    BROWSER_TIMEOUT,
  );

  it(
    'has no serious or critical accessibility violations on its main pages',
    async () => {
      const pages = [
        '/',
        '/leads',
        '/leads/list',
        leadUrl,
        '/contacts',
        '/companies',
        '/tasks',
        '/tasks/calendar',
        '/search',
        '/settings',
        '/no-such-page',
      ];
      const found: string[] = [];
      for (const path of pages.filter(Boolean)) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousA11yViolations(page)).map((v) => `${path}: ${v}`));
      }
      const anonymous = await (await newAppContext(browser, app.url, { language: 'en' })).newPage();
      for (const path of ['/login', '/signup']) {
        await anonymous.goto(path);
        await anonymous.locator('h1').waitFor();
        found.push(...(await seriousA11yViolations(anonymous)).map((v) => `${path}: ${v}`));
      }
      expect(found).toEqual([]);
    },
    BROWSER_TIMEOUT * 2,
  );

  it(
    'signs out to the sign-in page, and the pages then ask to sign in',
    async () => {
      await page.goto('/');
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto('/contacts');
      await page.waitForURL(/\/login\?next=%2Fcontacts$/);
    },
    BROWSER_TIMEOUT,
  );

  it('did not throw in the browser along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
