// The administrator's editors and the trash in Chromium (issue 10): stages added, renamed,
// recoloured, reordered from the keyboard and deleted with their leads moved to another column;
// task types and custom fields edited; a deleted lead restored from the trash and back on the board.
// Each page also passes axe. CRM_SCREENSHOTS=1 saves the pages to docs/screenshots/.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors, withoutLiveUpdates } from './browser.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const user = { company: 'Editors LLC', name: 'Alla Admin', email: `editors-${randomUUID()}@example.com`, password: 'Editors-pass-1' };

interface Stage {
  id: string;
  name: string;
  color: string;
  type: string;
  movingTo?: string;
}
interface Pipeline {
  id: string;
  version: number;
  stages: Stage[];
}

async function callApi(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: object) {
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);
  const res = await page.request.fetch(`${app.url}/api/v1${path}`, { method, data, headers: { authorization: `Bearer ${token}` } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.status() === 204 ? undefined : res.json();
}

const firstPipeline = async () => (await callApi('GET', '/pipelines')).items[0] as Pipeline;
const openStages = async () => (await firstPipeline()).stages.filter((s) => s.type === 'open');
const saved = (method: string, path: RegExp) =>
  page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname) && r.status() < 300);

async function checkA11y(name: string) {
  // A toast (the app's, with Mantine's unnamed close button) is not the page under test: let it go first.
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });
  expect(await seriousA11yViolations(page), name).toEqual([]);
  if (process.env.CRM_SCREENSHOTS) await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  context = await newAppContext(browser, app.url, { language: 'en' });
  page = await context.newPage();
  pageErrors = watchPageErrors(page);
  await signUpThroughForm(page, user);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('Trash', () => {
  it(
    'restores a lead deleted from its card with one click, and the lead is back on the kanban',
    async () => {
      // Prepare
      const lead = await callApi('POST', '/leads', { name: `Trashed deal ${randomUUID().slice(0, 6)}`, price: 1200 });
      await page.goto(`/leads/${lead.id}`);
      await page.getByRole('button', { name: 'Delete' }).first().click();
      const deleted = saved('DELETE', /\/leads\//);
      await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
      await deleted;
      // Act: the trash from the main navigation
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Trash' }).click();
      const row = page.locator(`tr[data-trash-id="${lead.id}"]`);
      await row.waitFor();
      await expect.poll(() => row.textContent()).toMatch(/(29|30) days/);
      await checkA11y('trash');
      // Only leads: the filter keeps it
      await page
        .locator('label')
        .filter({ hasText: /^Leads$/ })
        .click();
      await row.waitFor();
      const restored = saved('POST', /\/trash\/lead\/.+\/restore$/);
      await row.getByRole('button', { name: `Restore ${lead.name}` }).click();
      await restored;
      await row.waitFor({ state: 'detached' });
      // Assess: on the board again, in its stage
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Leads' }).click();
      await page.locator(`section[data-stage-id="${lead.stageId}"] article[data-lead-id="${lead.id}"]`).waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe('Pipelines and stages editor', () => {
  it(
    'adds, renames and recolours a stage, and reorders the stages from the keyboard',
    async () => {
      await page.goto('/settings');
      await page.getByRole('link', { name: 'Pipelines and stages' }).click();
      await page.getByTestId('stage-list').waitFor();
      // Add
      const added = saved('POST', /\/pipelines\/[^/]+\/stages$/);
      await page.getByRole('textbox', { name: 'New stage name' }).fill('Legal review');
      await page.getByRole('button', { name: 'Add stage' }).click();
      await added;
      await page.getByRole('textbox', { name: 'Name of Legal review' }).waitFor();
      // Rename
      const renamed = saved('PATCH', /\/stages\//);
      await page.getByRole('textbox', { name: 'Name of Legal review' }).fill('Legal signed');
      await page.getByRole('textbox', { name: 'Name of Legal review' }).press('Enter');
      await renamed;
      // Recolour from the palette
      const recoloured = saved('PATCH', /\/stages\//);
      await page.getByRole('button', { name: 'Colour of Legal signed' }).click();
      await page.getByRole('dialog', { name: 'Colour of Legal signed' }).getByRole('button', { name: '#ff8080' }).click();
      await recoloured;
      let stages = await openStages();
      const contract = stages.find((s) => s.name === 'Legal signed')!;
      expect(contract.color).toBe('#ff8080');
      expect(stages.at(-1)!.id).toBe(contract.id);
      await checkA11y('settings-pipelines');
      // Reorder: up two places with Space, arrows, Space
      const before = stages.map((s) => s.id);
      const handle = page.getByRole('button', { name: 'Move stage Legal signed' });
      await handle.focus();
      // dnd-kit measures between steps: a key at a time, as a person presses them.
      for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
        await page.keyboard.press(key);
        await page.waitForTimeout(250);
      }
      await expect
        .poll(async () => (await openStages()).map((s) => s.id), { timeout: 15_000 })
        .toEqual([...before.slice(0, -3), contract.id, ...before.slice(-3, -1)]);
      // Won and lost stay at the end, with no handle
      const pipeline = await firstPipeline();
      expect(pipeline.stages.slice(-2).map((s) => s.type)).toEqual(['won', 'lost']);
      expect(await page.getByRole('button', { name: /^Move stage Won|^Move stage Lost/ }).count()).toBe(0);
      stages = await openStages();
      expect(stages.map((s) => s.id).indexOf(contract.id)).toBe(before.length - 3);
      // Reorder with the mouse: the first stage dragged by its handle below the second
      const [first, second] = stages;
      const grip = (await page.getByRole('button', { name: `Move stage ${first.name}` }).boundingBox())!;
      const below = (await page.locator(`[data-stage-row="${second.id}"]`).boundingBox())!;
      await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
      await page.mouse.down();
      await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 + 8, { steps: 4 });
      await page.mouse.move(grip.x + grip.width / 2, below.y + below.height * 0.8, { steps: 12 });
      await page.waitForTimeout(200);
      await page.mouse.up();
      await expect.poll(async () => (await openStages()).map((s) => s.id).slice(0, 2), { timeout: 15_000 }).toEqual([second.id, first.id]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'deletes a stage with leads by moving them to another stage, and shows them in that column',
    async () => {
      // Prepare: a stage with three leads
      const pipeline = await firstPipeline();
      const added: Pipeline = await callApi('POST', `/pipelines/${pipeline.id}/stages`, { name: 'Doomed', color: '#c2c2c2' });
      const doomed = added.stages.find((s) => s.name === 'Doomed')!;
      const target = added.stages.find((s) => s.type === 'open')!;
      const leads = await Promise.all(
        [1, 2, 3].map((i) => callApi('POST', '/leads', { name: `Moving deal ${i}`, pipelineId: pipeline.id, stageId: doomed.id })),
      );
      await page.goto('/settings/pipelines');
      await page.getByText('3 leads').waitFor();
      // Act
      await page.getByRole('button', { name: 'Delete Doomed' }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete the stage “Doomed”?' });
      await dialog.getByText('Its 3 leads move to the stage you choose').waitFor();
      await dialog.getByRole('combobox', { name: 'Move the leads to' }).click();
      await page.getByRole('option', { name: target.name }).click();
      await checkA11y('settings-pipelines-delete-stage');
      const removed = saved('POST', /\/stages\/[^/]+\/remove$/);
      await dialog.getByRole('button', { name: 'Delete' }).click();
      expect((await removed).status()).toBe(202);
      // Assess: the stage goes once its leads have moved, and they are in the target column
      await page.getByRole('textbox', { name: 'Name of Doomed' }).waitFor({ state: 'detached', timeout: 30_000 });
      await page.goto('/leads');
      for (const lead of leads) await page.locator(`section[data-stage-id="${target.id}"] article[data-lead-id="${lead.id}"]`).waitFor();
      expect(await page.locator(`section[data-stage-id="${doomed.id}"]`).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe('Task types and custom fields editors', () => {
  it(
    'adds, renames, recolours and deletes a task type',
    async () => {
      await page.goto('/settings/task-types');
      const added = saved('POST', /\/task-types$/);
      await page.getByRole('textbox', { name: 'New task type' }).fill('Demo');
      await page.getByRole('button', { name: 'Add task type' }).click();
      await added;
      const renamed = saved('PATCH', /\/task-types\//);
      await page.getByRole('textbox', { name: 'Name of Demo' }).fill('Product demo');
      await page.getByRole('textbox', { name: 'Name of Demo' }).press('Enter');
      await renamed;
      const recoloured = saved('PATCH', /\/task-types\//);
      await page.getByRole('button', { name: 'Colour of Product demo' }).click();
      await page.getByRole('dialog', { name: 'Colour of Product demo' }).getByRole('button', { name: '#80e0e0' }).click();
      await recoloured;
      const types = (await callApi('GET', '/task-types')).items as Array<{ id: string; name: string; color: string }>;
      expect(types.find((t) => t.name === 'Product demo')?.color).toBe('#80e0e0');
      await checkA11y('settings-task-types');
      const deleted = saved('DELETE', /\/task-types\//);
      await page.getByRole('button', { name: 'Delete Product demo' }).click();
      await deleted;
      await page.getByRole('textbox', { name: 'Name of Product demo' }).waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'adds a required list field with options to contacts, changes its options and flag, and deletes it',
    async () => {
      // The editor's own saves come back over the live socket and reload the list, re-rendering
      // the row under the pointer; this test is about the editor, so its page hears none.
      await withoutLiveUpdates(page);
      await page.goto('/settings/custom-fields');
      await page
        .locator('label')
        .filter({ hasText: /^Contacts$/ })
        .click();
      await page.getByText('No custom fields here yet.').waitFor();
      const form = page.getByRole('form', { name: 'New field' });
      await form.getByRole('textbox', { name: 'Field name' }).fill('Segment');
      await form.getByRole('combobox', { name: 'Type' }).click();
      await page.getByRole('option', { name: 'List', exact: true }).click();
      const options = form.getByLabel('Options', { exact: true });
      for (const o of ['Retail', 'Wholesale']) {
        await options.fill(o);
        await options.press('Enter');
      }
      await form.getByRole('checkbox', { name: 'Required' }).check();
      const added = saved('POST', /\/custom-fields$/);
      await form.getByRole('button', { name: 'Add field' }).click();
      const field = await (await added).json();
      expect(field).toMatchObject({ entityType: 'contacts', type: 'select', options: ['Retail', 'Wholesale'], required: true });
      // More options, then not required
      const extended = saved('PATCH', /\/custom-fields\//);
      const fieldOptions = page.getByRole('combobox', { name: 'Options of Segment' });
      await fieldOptions.fill('Partner');
      await fieldOptions.press('Enter');
      expect((await (await extended).json()).options).toEqual(['Retail', 'Wholesale', 'Partner']);
      // The options show what the list holds: the new pill is the answer (and its version) in the
      // list, which the switch's save right after must go with. (A 'networkidle' wait here
      // returned at once on the loaded app; the switch then raced the answer and got a 412.)
      await page.locator('.mantine-Pill-label', { hasText: 'Partner' }).waitFor();
      const relaxed = saved('PATCH', /\/custom-fields\//);
      // A toast in the corner may lie over the switch: click the switch itself.
      await page.getByRole('switch', { name: 'Segment is required' }).dispatchEvent('click');
      expect((await (await relaxed).json()).required).toBe(false);
      await checkA11y('settings-custom-fields');
      // Every type the contract has is offered
      await form.getByRole('combobox', { name: 'Type' }).click();
      expect(await page.getByRole('option').allTextContents()).toEqual([
        'Text',
        'Number',
        'List',
        'Multiple choice',
        'Date',
        'Link',
        'Checkbox',
      ]);
      await page.keyboard.press('Escape');
      const deleted = saved('DELETE', /\/custom-fields\//);
      await page.getByRole('button', { name: 'Delete Segment' }).click();
      await deleted;
      await page.getByText('No custom fields here yet.').waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
