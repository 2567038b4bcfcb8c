// Daily work in Chromium (issue 9, items 9-12): the desktop names records without a read per
// event, tasks link to records and move on the calendar, search finds phones and Latin
// spellings, and errors follow the language.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Request } from 'playwright-core';
import { answerTo, holdReads, withoutLiveUpdates } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: SignedInApp;
let page: Page;
let pageErrors: string[];

/** A call of the API as the signed-in user. */
const call = <T = { id: string; version: number }>(method: 'get' | 'post' | 'patch' | 'delete', path: string, data?: object) =>
  app.call<T>(method.toUpperCase() as 'GET', path, data);

/** Drags with real mouse moves, as dnd-kit's mouse sensor needs. */
async function dragTo(source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

/** The API requests the page makes from now on, until the returned function is called. */
function recordApiRequests() {
  const seen: Request[] = [];
  const listen = (r: Request) => void (r.url().includes('/api/v1/') && seen.push(r));
  page.on('request', listen);
  return () => (page.off('request', listen), seen);
}

beforeAll(async () => {
  app = await startSignedIn({ company: 'Daily Test LLC', name: 'Dana Daily' });
  ({ page, pageErrors } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
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
      // The board shown (a 'networkidle' here returned at once: the URL changed inside the loaded app).
      await page.locator('section[data-stage-id]').first().waitFor();
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

describe('Tasks: linked to records, on a day, week or month, moved by drag (item 9)', () => {
  /** Fills the new-task dialog and links it to the record found by `search`. */
  async function createLinkedTask(text: string, search: string, pick: string) {
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('What to do').fill(text);
    await dialog.getByLabel('Linked to').fill(search);
    await page.getByRole('option', { name: pick }).click();
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/tasks'));
    await dialog.getByRole('button', { name: 'Create' }).click();
    expect((await created).status()).toBe(201);
  }
  const tasksOf = (type: string, id: string) => call<{ items: Array<{ text: string }> }>('get', `/tasks?entityType=${type}&entityId=${id}`);

  it(
    'links a task made on the Tasks page to a lead, and one from the header "+" to a contact found by Latin spelling',
    async () => {
      // Prepare
      const tag = randomUUID().slice(0, 6);
      const lead = await call('post', '/leads', { name: `Supply ${tag}` });
      const contact = await call('post', '/contacts', { name: `Ромашкин ${tag}` });
      // Act: the Tasks page's button
      await page.goto('/tasks');
      await page.getByRole('button', { name: 'Add task' }).click();
      await createLinkedTask(`Call about supply ${tag}`, `supply ${tag}`, `Supply ${tag}`);
      // Act: the header's "+", finding the contact by its Latin spelling
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Task' }).click();
      await createLinkedTask(`Meet ${tag}`, `romashkin ${tag}`, `Ромашкин ${tag}`);
      // Assess
      expect((await tasksOf('lead', lead.id)).items.map((t) => t.text)).toEqual([`Call about supply ${tag}`]);
      expect((await tasksOf('contact', contact.id)).items.map((t) => t.text)).toEqual([`Meet ${tag}`]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows a day and a month; a drag to another day of the month keeps the time of day, and a drag straight back goes with the new version',
    async () => {
      // Prepare: a task in 3 days at a round time
      const due = new Date(Date.now() + 3 * 86_400_000);
      due.setUTCHours(9, 30, 0, 0);
      const text = `Drag me ${randomUUID().slice(0, 6)}`;
      const task = await call<{ id: string; dueAt: string }>('post', '/tasks', { text, dueAt: due.toISOString() });
      const date = due.toISOString().slice(0, 10);
      // Assess the day view
      await page.goto(`/tasks/calendar?view=day&date=${date}`);
      await page.getByRole('button', { name: new RegExp(text) }).waitFor();
      expect(await page.locator('section[data-day]').count()).toBe(1);
      // Act: the month view, drag to the next (or previous) day shown
      await page.goto(`/tasks/calendar?view=month&date=${date}`);
      const chip = page.getByRole('button', { name: new RegExp(text) });
      await chip.waitFor();
      expect(await page.locator('section[data-day]').count()).toBeGreaterThanOrEqual(28);
      const from = (await chip.locator('xpath=ancestor::section[@data-day]').getAttribute('data-day'))!;
      const days = await page.locator('section[data-day]').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')!));
      const step = days.indexOf(from) + 1 < days.length ? 1 : -1;
      const target = page.locator(`section[data-day="${days[days.indexOf(from) + step]}"]`);
      // The calendar's refetches are held back until both drags are done, as on a slow network.
      const release = await holdReads(page, /\/api\/v1\/tasks(\?|$)/);
      const patched = new RegExp(`/api/v1/tasks/${task.id}$`);
      const answer = await answerTo(page, 'PATCH', patched, () => dragTo(chip, target));
      // Assess: If-Match sent, one day later or earlier, same time of day
      expect(answer.status()).toBe(200);
      expect(answer.request().headers()['if-match']).toBe('"1"');
      const moved = await call<{ dueAt: string }>('get', `/tasks/${task.id}`);
      expect(new Date(moved.dueAt).getTime() - due.getTime()).toBe(step * 86_400_000);
      const movedChip = target.getByRole('button', { name: new RegExp(text) });
      await movedChip.waitFor();
      // Act: straight back, before any refetch: the answer's version is the one sent
      const back = await answerTo(page, 'PATCH', patched, () => dragTo(movedChip, page.locator(`section[data-day="${from}"]`)));
      expect(back.status()).toBe(200);
      expect(back.request().headers()['if-match']).toBe('"2"');
      await release();
      expect((await call<{ dueAt: string }>('get', `/tasks/${task.id}`)).dueAt).toBe(due.toISOString());
    },
    BROWSER_TIMEOUT,
  );

  it(
    'tells a drag that lost to another change (412) and leaves the task where the server has it',
    async () => {
      // Prepare
      // A screen that hears no live update (its socket down): the board stays stale until the clash.
      await withoutLiveUpdates(page);
      const due = new Date(Date.now() + 3 * 86_400_000);
      due.setUTCHours(11, 0, 0, 0);
      const text = `Clash ${randomUUID().slice(0, 6)}`;
      const task = await call<{ id: string }>('post', '/tasks', { text, dueAt: due.toISOString() });
      await page.goto(`/tasks/calendar?view=month&date=${due.toISOString().slice(0, 10)}`);
      const chip = page.getByRole('button', { name: new RegExp(text) });
      await chip.waitFor();
      await call('patch', `/tasks/${task.id}`, { text: `${text} changed` });
      const from = (await chip.locator('xpath=ancestor::section[@data-day]').getAttribute('data-day'))!;
      const days = await page.locator('section[data-day]').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')!));
      const step = days.indexOf(from) + 1 < days.length ? 1 : -1;
      // Act
      const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/v1/tasks/${task.id}`));
      await dragTo(chip, page.locator(`section[data-day="${days[days.indexOf(from) + step]}"]`));
      // Assess
      expect((await saved).status()).toBe(412);
      await page.getByText('The task was not rescheduled.').first().waitFor();
      expect((await call<{ dueAt: string }>('get', `/tasks/${task.id}`)).dueAt).toBe(due.toISOString());
    },
    BROWSER_TIMEOUT,
  );
});

describe('Language and toasts (item 12)', () => {
  it(
    'words a server field error by its kind, in the language chosen after it was shown; toasts keep clear of the header',
    async () => {
      // Prepare
      const name = `Words ${randomUUID().slice(0, 6)}`;
      const lead = await call('post', '/leads', { name });
      await page.goto(`/leads/${lead.id}`);
      const form = page.getByRole('form', { name: 'Lead details' });
      await form.getByLabel('Lead name').waitFor();
      // Act: a name the server refuses (longer than 255)
      await form.getByLabel('Lead name').fill('x'.repeat(300));
      const refused = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(lead.id));
      await form.getByRole('button', { name: 'Save' }).click();
      expect((await refused).status()).toBe(400);
      await form.getByText('Too long or too large.').waitFor();
      await page.getByRole('button', { name: 'Account menu' }).click();
      await page.getByRole('button', { name: 'RU' }).click();
      // Assess: the same error, now in Russian
      await page.getByText('Слишком длинно или слишком много.').waitFor();
      expect(await page.getByText('Too long or too large.').count()).toBe(0);
      await page.getByRole('button', { name: 'Меню аккаунта' }).click();
      await page.getByRole('button', { name: 'EN' }).click();
      await page.keyboard.press('Escape');
      // Act: a save that shows a toast
      await form.getByLabel('Lead name').fill(`${name} saved`);
      await form.getByRole('button', { name: 'Save' }).click();
      const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Saved' });
      await toast.waitFor();
      // Assess: the toast starts below the header
      const header = (await page.locator('header').first().boundingBox())!;
      const box = (await toast.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
    },
    BROWSER_TIMEOUT,
  );
});

describe('Contact card', () => {
  it(
    "shows the contact's company by name in its Company select",
    async () => {
      const company = await call<{ id: string; name: string }>('post', '/companies', { name: `Firm ${randomUUID().slice(0, 6)}` });
      const contact = await call('post', '/contacts', { name: `Worker ${randomUUID().slice(0, 6)}`, companyId: company.id });
      await page.goto(`/contacts/${contact.id}`);
      await expect.poll(() => page.getByLabel('Company', { exact: true }).first().inputValue(), { timeout: 15_000 }).toBe(company.name);
    },
    BROWSER_TIMEOUT,
  );
});

describe('The browser', () => {
  it('threw nothing along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
