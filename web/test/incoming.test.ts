// Incoming requests and web forms in Chromium (issue 13): an admin makes a form in Settings ->
// Forms and copies its snippet; a plain HTML page served from loopback (another origin) carries
// the snippet, and a visitor's post through it lands in Incoming; a post sent faster than a
// person fills a form is dropped; accepting both posts of the same phone makes two leads of one
// contact. Screenshots of both pages for the docs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { answerTo, holdReads } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 180_000;
const SHOTS = join(import.meta.dirname, '../../docs/screenshots');
let app: SignedInApp;
let page: Page;
let pageErrors: string[];
let call: SignedInApp['call'];
/** The customer's site: one plain page holding whatever snippet the test pastes. */
let snippet = '';
const site = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><main><h1>Contact the shop</h1>${snippet}</main></body></html>`,
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  app = await startSignedIn({ company: 'Forms LLC', name: 'Fiona Form' });
  ({ page, pageErrors, call } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await new Promise((r) => site.close(r));
});

describe('Web forms -> Incoming', () => {
  it(
    'posts through the embeddable snippet from another origin, drops a too-fast post, and accepts the same phone twice into one contact',
    async () => {
      await page.goto('/settings');
      await page.getByRole('link', { name: 'Web forms' }).click();
      await page.getByRole('heading', { name: 'Web forms', level: 2 }).waitFor();
      await page.getByLabel('Form name').fill('Contact us');
      await page.getByRole('button', { name: 'Create form' }).click();
      const code = page.getByTestId('form-snippet');
      await code.waitFor();
      snippet = (await code.textContent())!;
      expect(snippet).toContain('/api/v1/inbound/forms/');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'forms.png'), fullPage: true });

      // Off and straight back on, the list's refetch held back: the second goes with the first's new version.
      const enabled = page.getByTestId('form-card').getByRole('switch', { name: 'On' });
      const release = await holdReads(page, /\/api\/v1\/forms(\?|$)/);
      const toggle = () => answerTo(page, 'PATCH', /\/api\/v1\/forms\/[^/?]+$/, () => enabled.click({ force: true }));
      expect((await toggle()).status()).toBe(200);
      await expect.poll(() => enabled.isChecked()).toBe(false);
      expect((await toggle()).status()).toBe(200);
      await expect.poll(() => enabled.isChecked()).toBe(true);
      await release();

      // The visitor, on the shop's own site (http://127.0.0.1:<port>, not the CRM's origin).
      const visitor = await app.browser.newPage();
      const shop = `http://127.0.0.1:${(site.address() as AddressInfo).port}/contacts?utm_source=newsletter`;
      const send = async (name: string, phone: string, waitMs: number) => {
        await visitor.goto(shop);
        await visitor.waitForTimeout(waitMs);
        await visitor.getByLabel(/^Name/).fill(name);
        await visitor.getByLabel(/^Phone/).fill(phone);
        await visitor.getByLabel(/^Message/).fill(`Hello from ${name}`);
        await visitor.getByRole('button', { name: 'Send' }).click();
        await visitor.getByRole('status').getByText('Thank you').waitFor();
      };
      await send('Boris Buyer', '+7 (913) 555-01-02', 2200);
      await send('Boris again', '8 913 555 0102', 2200);
      // A bot fills at once: the same answer, and nothing lands.
      await send('Fast Bot', '+7 900 000 0000', 0);
      await visitor.close();

      await page.goto('/incoming');
      await page.getByRole('heading', { name: 'Incoming', level: 1 }).waitFor();
      const rows = page.getByTestId('incoming-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
      await page.getByText('Boris Buyer', { exact: true }).waitFor();
      expect(await page.getByText('Fast Bot').count()).toBe(0);
      const requests = await call<{ items: Array<{ meta: Record<string, unknown> }> }>('GET', '/incoming?status=new');
      expect(requests.items[0]!.meta).toMatchObject({ formName: 'Contact us', utm: { utm_source: 'newsletter' } });
      expect(String(requests.items[0]!.meta.pageUrl)).toContain('/contacts?utm_source=newsletter');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'incoming.png'), fullPage: true });

      // Accept both: two leads, one contact (the phones are one number written two ways).
      for (let i = 0; i < 2; i++) {
        await rows.first().getByRole('button', { name: 'Accept' }).click();
        await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1 - i);
      }
      const contacts = await call<{ items: Array<{ id: string }> }>('GET', '/contacts?phone=79135550102');
      expect(contacts.items).toHaveLength(1);
      const leads = await call<{ items: Array<{ contactIds: string[] }> }>('GET', `/leads?contactId=${contacts.items[0]!.id}`);
      expect(leads.items).toHaveLength(2);
      await page.locator('label[for$="-accepted"]').click();
      await page.getByRole('link', { name: 'Open the lead' }).first().waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
