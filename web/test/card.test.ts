// The lead card and its timeline in Chromium (issue 9, items 3-6): the timeline follows every
// save, reads as labels, names and formatted values with one entry per change, the budget box
// refuses a minus and groups digits like the page, and a 412 keeps what the user typed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withoutLiveUpdates } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: SignedInApp;
let page: Page;
let pageErrors: string[];

/** A call of the API as the signed-in user, for what "someone else" does behind the card. */
async function call<T = { id: string; version: number }>(
  method: 'get' | 'post' | 'patch',
  path: string,
  data?: object,
  ifMatch?: number,
): Promise<T> {
  return app.call<T>(method.toUpperCase() as 'GET', path, data, ifMatch ? { 'if-match': `"${ifMatch}"` } : {});
}

const createLead = (name: string, price: number) => call('post', '/leads', { name, price });
const timeline = () => page.locator('div', { has: page.getByRole('heading', { name: 'Timeline', level: 2 }) }).last();
const budgetBox = () => page.getByRole('form', { name: 'Lead details' }).getByLabel('Budget');
const saveButton = () => page.getByRole('form', { name: 'Lead details' }).getByRole('button', { name: 'Save' });

async function openLead(id: string, name: string) {
  await page.goto(`/leads/${id}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await timeline().getByText('Lead created').waitFor();
}

beforeAll(async () => {
  app = await startSignedIn({ company: 'Card Test LLC', name: 'Carla Card' });
  ({ page, pageErrors } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await app?.close();
});

describe('Lead card: the timeline', () => {
  it(
    'shows a field edit at once, as a formatted change, without a reload (item 3)',
    async () => {
      // Prepare
      const name = `Refresh ${randomUUID().slice(0, 6)}`;
      const lead = await createLead(name, 15000);
      await openLead(lead.id, name);
      // Act
      await page.getByRole('form', { name: 'Lead details' }).getByLabel('Lead name').fill(`${name} edited`);
      await budgetBox().fill('20000');
      await saveButton().click();
      // Assess: the save is on the timeline, the budget in the account's money format
      await timeline()
        .getByText(new RegExp(`^Name: ${name}\\s*${name} edited$`))
        .waitFor({ timeout: 10_000 });
      await timeline()
        .getByText(/^Budget: \D*15,000\D*20,000\D*$/)
        .waitFor({ timeout: 10_000 });
    },
    BROWSER_TIMEOUT,
  );

  it(
    'names linked records and stages, formats values, and lists a stage move once (item 4)',
    async () => {
      // Prepare: a contact with a phone, a company, and a lead linked to both, then moved
      const suffix = randomUUID().slice(0, 6);
      const contact = await call('post', '/contacts', { name: `Ivan ${suffix}`, phones: [{ value: '+7 913 909 73 32', type: 'work' }] });
      await call('patch', `/contacts/${contact.id}`, { phones: [{ value: '+7 913 000 11 22', type: 'mobile' }] }, contact.version);
      const company = await call('post', '/companies', { name: `Romashka ${suffix}` });
      const name = `Named ${suffix}`;
      const lead = await createLead(name, 0);
      const links = { contactIds: [contact.id], mainContactId: contact.id, companyId: company.id };
      const linked = await call('patch', `/leads/${lead.id}`, links, lead.version);
      const pipelines = await call<{ items: { stages: { id: string; name: string; sort: number }[] }[] }>('get', '/pipelines');
      const stages = [...pipelines.items[0].stages].sort((a, b) => a.sort - b.sort);
      await call('patch', `/leads/${lead.id}`, { stageId: stages[1].id }, linked.version);
      // Act
      await openLead(lead.id, name);
      // Assess: names and labels, not ids and field names
      const feed = timeline();
      await feed.getByText(new RegExp(`^Contacts: —\\s*Ivan ${suffix}$`)).waitFor();
      await feed.getByText(new RegExp(`^Main contact: —\\s*Ivan ${suffix}$`)).waitFor();
      await feed.getByText(new RegExp(`^Company: —\\s*Romashka ${suffix}$`)).waitFor();
      const text = await feed.innerText();
      for (const raw of [contact.id, company.id, stages[1].id, 'mainContactId', '[object Object]']) expect(text).not.toContain(raw);
      // Assess: the move is one entry
      await feed.getByText(new RegExp(`^Stage: ${stages[0].name}\\s*${stages[1].name}$`)).waitFor();
      expect(await feed.getByText(new RegExp(`^Stage: `)).count()).toBe(1);
      expect(await feed.getByText('Stage changed', { exact: true }).count()).toBe(1);
      expect(await feed.getByText('Lead changed', { exact: true }).count()).toBe(1);
      // Assess: a contact's phones read as numbers
      await page.goto(`/contacts/${contact.id}`);
      await timeline()
        .getByText(/^Phones: \+7 913 909 73 32\s*\+7 913 000 11 22$/)
        .waitFor();
      expect(await timeline().innerText()).not.toContain('[object Object]');
    },
    BROWSER_TIMEOUT,
  );
});

describe('Lead card: the budget box', () => {
  it(
    'refuses a negative budget with a message, and saves nothing (item 5)',
    async () => {
      // Prepare
      const name = `Minus ${randomUUID().slice(0, 6)}`;
      const lead = await createLead(name, 5000);
      await openLead(lead.id, name);
      let patches = 0;
      page.on('request', (r) => {
        if (r.method() === 'PATCH') patches += 1;
      });
      // Act
      await budgetBox().fill('-5');
      await saveButton().click();
      // Assess
      await page.getByText('Enter a number, 0 or more').waitFor();
      expect(await budgetBox().inputValue()).toBe('-5');
      expect(patches).toBe(0);
      expect((await call<{ price: number }>('get', `/leads/${lead.id}`)).price).toBe(5000);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'groups digits like the money on the page (item 5)',
    async () => {
      const name = `Grouped ${randomUUID().slice(0, 6)}`;
      const lead = await createLead(name, 0);
      await openLead(lead.id, name);
      await budgetBox().fill('');
      await budgetBox().pressSequentially('1234567');
      expect(await budgetBox().inputValue()).toBe('1,234,567');
    },
    BROWSER_TIMEOUT,
  );
});

describe('Lead card: someone else saved first', () => {
  it(
    'keeps what the user typed, lists what changed on the server, and saves on top of it (item 6)',
    async () => {
      // Prepare: the card is open; behind it, someone renames the lead and changes its budget
      // A screen that hears no live update (its socket down): the card stays stale until the save.
      await withoutLiveUpdates(page);
      const name = `Clash ${randomUUID().slice(0, 6)}`;
      const lead = await createLead(name, 100);
      await openLead(lead.id, name);
      await budgetBox().fill('777');
      await call('patch', `/leads/${lead.id}`, { name: `${name} renamed`, price: 999 }, lead.version);
      // Act
      await saveButton().click();
      // Assess: the typed budget stays, and both changes are listed
      const alert = page.getByRole('alert').filter({ hasText: 'Your changes are kept' });
      await alert.getByText(/yours \D*777\D* · on the server \D*999/).waitFor();
      await alert.getByText(`now ${name} renamed (taken from the server)`).waitFor();
      expect(await budgetBox().inputValue()).toBe('777');
      // Act: save again, against the new version
      const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(lead.id));
      await saveButton().click();
      // Assess
      expect((await saved).status()).toBe(200);
      const stored = await call<{ name: string; price: number }>('get', `/leads/${lead.id}`);
      expect(stored).toMatchObject({ name: `${name} renamed`, price: 777 });
    },
    BROWSER_TIMEOUT,
  );

  it('did not throw in the browser along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
