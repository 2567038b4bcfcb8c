// Integrations in Chromium (issue 12): the bell shows a task that falls due without a reload,
// marks it read; the API keys section shows a new key once and revokes it; the automations page
// adds a rule of every action kind. CRM_SCREENSHOTS=1 saves the pages to docs/screenshots/.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const shot = async (name: string) => {
  if (process.env.CRM_SCREENSHOTS) await page.screenshot({ path: `${SHOTS}${name}.png` });
};

let app: SignedInApp;
let page: Page;
let pageErrors: string[];

async function call<T = { id: string }>(method: 'get' | 'post', path: string, data?: object): Promise<T> {
  return app.call<T>(method.toUpperCase() as 'GET', path, data);
}

beforeAll(async () => {
  app = await startSignedIn({ company: 'Bell Test LLC', name: 'Bella Bell' });
  ({ page, pageErrors } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
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
      await shot('notification-bell');
      await page.getByRole('button', { name: 'Mark all read' }).click();
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications, 0 unread');
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
      await shot('settings-api-keys');
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
    "shows the pipeline's stages as columns and adds rules of every action kind, with a delay and a condition",
    async () => {
      await page.goto('/settings/automations');
      await page.getByRole('heading', { name: 'Automations', level: 2 }).waitFor();
      const column = page.getByRole('region').first();
      await column.waitFor();
      const stage = (await column.getByRole('heading', { level: 3 }).textContent())!;
      const dialog = page.getByRole('dialog');
      const open = async (kind: string) => {
        await column.getByRole('button', { name: `Add a rule to ${stage}` }).click();
        await dialog.getByRole('combobox', { name: 'Action' }).click();
        await page.getByRole('option', { name: kind, exact: true }).click();
      };
      const pick = async (label: string, option?: string) => {
        await dialog.getByRole('combobox', { name: label }).click();
        await (option ? page.getByRole('option', { name: option }) : page.getByRole('option').first()).click();
      };
      const add = async () => {
        await dialog.getByRole('button', { name: 'Add', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
      };

      await open('Add a tag');
      await dialog.getByRole('textbox', { name: 'Tag', exact: true }).fill('hot');
      await dialog.getByRole('textbox', { name: /^Delay/ }).fill('120');
      await pick('Only for leads', 'With a budget of at least');
      await dialog.getByRole('textbox', { name: 'Budget', exact: true }).fill('5000');
      await add();
      await column.getByText('Add tag “hot” · after 120 min · budget ≥ 5000').waitFor();

      await open('Create a task');
      await dialog.getByRole('textbox', { name: 'Task text', exact: true }).fill('Call the client');
      await pick('Task type');
      await dialog.getByRole('textbox', { name: 'Due in, minutes', exact: true }).fill('60');
      await add();
      await column.getByText('Create task “Call the client”').waitFor();

      await open('Change the responsible');
      await pick('Responsible', 'Bella Bell');
      await add();
      await open('Move to a stage');
      await pick('Stage');
      await add();
      await open('Call a webhook');
      await dialog.getByRole('textbox', { name: 'URL', exact: true }).fill('https://hooks.example.com/crm');
      await add();
      await column.getByText('Call https://hooks.example.com/crm').waitFor();
      await column.getByText('Change the responsible').waitFor();
      await column.getByText('Move to another stage').waitFor();
      await shot('settings-automations');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
