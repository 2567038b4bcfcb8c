// Settings -> Webhooks in Chromium: an admin adds a webhook (the secret shown once), a lead made
// meanwhile shows up in the delivery log as delivered, the switch turns it off and straight back on
// (the second with the first's new version, before any refetch), and a webhook the
// CRM switched off after a (simulated) day of failures carries the notice. Screenshot for the docs.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deliverEvent, deliverSignedPost, runAttempt, type DeliveryRuntime } from '../../packages/core/src/index.ts';
import type { WebhookAttempt } from '../../packages/contract/src/index.ts';
import { seriousA11yViolations } from './a11y.ts';
import { answerTo, holdReads } from './browser.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;
let app: SignedInApp;
let page: Page;
let pageErrors: string[];
let call: SignedInApp['call'];
const received: string[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push(body);
    res.end('ok');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  app = await startSignedIn({ company: 'Hooks LLC', name: 'Hanna Hook' });
  ({ page, pageErrors, call } = app);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await new Promise((r) => receiver.close(r));
});

describe('Settings -> Webhooks', () => {
  it(
    'adds a webhook with its secret shown once, logs a delivery, switches it off and at once on again, and shows the automatic switch-off',
    async () => {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      await page.goto('/settings');
      await page.getByRole('link', { name: 'Webhooks' }).click();
      await page.getByRole('heading', { name: 'Webhooks', level: 2 }).waitFor();
      await page.getByLabel(/^URL/).fill(url);
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const secret = (await page.getByTestId('webhook-secret').textContent())!;
      expect(secret).toMatch(/^whsec_/);
      await page.getByRole('button', { name: 'Copy' }).waitFor();

      const lead = await call('POST', '/leads', { name: 'Seen by the hook' });
      await expect.poll(() => received.some((b) => JSON.parse(b).entity.id === lead.id), { timeout: 15_000 }).toBe(true);
      const card = page.getByRole('region', { name: url });
      await card.getByRole('button', { name: 'Deliveries' }).click();
      const log = card.getByRole('table', { name: 'Deliveries' });
      await log.getByText('Delivered').first().waitFor({ timeout: 15_000 });
      await log.getByRole('button', { name: 'lead.created' }).click();
      await log.getByText(/#1 · .* · 200 ·/).waitFor();
      await page.getByRole('button', { name: 'I have saved it' }).click();
      await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.screenshot({ path: join(import.meta.dirname, '../../docs/screenshots/webhooks.png'), fullPage: true });

      // Off and straight back on, the list's refetch held back: the second goes with the first's new version.
      const release = await holdReads(page, /\/api\/v1\/webhooks(\?|$)/);
      const toggle = () => answerTo(page, 'PATCH', /\/api\/v1\/webhooks\/[^/?]+$/, () => card.getByRole('switch').click({ force: true }));
      expect((await toggle()).status()).toBe(200);
      await card.getByText('Off', { exact: true }).waitFor();
      await card.getByRole('switch', { disabled: false }).waitFor();
      expect((await toggle()).status()).toBe(200);
      await card.getByText('On', { exact: true }).waitFor();
      await release();

      // A receiver that never answers, for a simulated day: the CRM switches its webhook off.
      const dead = await call('POST', '/webhooks', { url: 'http://127.0.0.1:9/down', events: ['lead.won'] });
      const me = await call('GET', '/me');
      let clock = Date.now();
      const book: Array<{ at: number; attempt: WebhookAttempt }> = [];
      const runtime: DeliveryRuntime = {
        now: () => clock,
        random: Math.random,
        schedule: async (at, attempt) => void book.push({ at, attempt }),
        post: deliverSignedPost,
      };
      const accountId = me.account.id;
      await deliverEvent(
        {
          id: `evt-${randomUUID()}`,
          type: 'lead.won',
          accountId,
          occurredAt: new Date().toISOString(),
          actor: { type: 'system', id: 'test' },
          entity: { type: 'lead', id: lead.id },
          data: { lead },
        },
        runtime,
      );
      while (book.length) {
        const next = book.shift()!;
        clock = next.at;
        await runAttempt(next.attempt, runtime);
      }
      await page.reload();
      const deadCard = page.getByRole('region', { name: dead.url });
      await deadCard.getByText('Switched off by the CRM').waitFor();
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
