// The analytics pages in Chromium (issue 11): reached from the main navigation, each report
// shows its figures in a chart and a table with the filters, downloads its table as CSV, and
// the event log shows changes with labels, names and money; no serious axe violation.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './a11y.ts';
import { startSignedIn, type SignedInApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: SignedInApp;
let page: Page;
let pageErrors: string[];

async function call<T = { id: string; version: number }>(method: 'get' | 'post' | 'patch', path: string, data?: object): Promise<T> {
  return app.call<T>(method.toUpperCase() as 'GET', path, data);
}

const table = () => page.getByRole('table');

beforeAll(async () => {
  app = await startSignedIn({ company: 'Analytics Test LLC', name: 'Anna Analyst' });
  ({ page, pageErrors } = app);
  const { items } = await call<{ items: { id: string; stages: { id: string; name: string; type: string }[] }[] }>('get', '/pipelines');
  const stages = items[0].stages;
  const won = stages.find((s) => s.type === 'won')!;
  await call('post', '/leads', { name: 'Open deal', price: 1000 });
  const second = await call('post', '/leads', { name: 'Moved deal', price: 100 });
  await call('patch', `/leads/${second.id}`, { price: 250, stageId: stages[1].id });
  const third = await call('post', '/leads', { name: 'Won deal', price: 4000 });
  await call('patch', `/leads/${third.id}`, { stageId: won.id });
  await call('post', '/tasks', { text: 'Overdue call', dueAt: new Date(Date.now() - 2 * 86_400_000).toISOString() });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await app?.close();
});

describe('Analytics pages', () => {
  it(
    'shows the sales funnel from the main navigation, with a chart, a table and its CSV',
    async () => {
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Analytics' }).click();
      await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
      await table().getByRole('row').nth(1).waitFor();
      const first = table().getByRole('row').nth(1);
      await expect.poll(() => first.getByRole('cell').nth(1).textContent()).toBe('1');
      expect(await first.getByRole('cell').nth(3).textContent()).toBe('3');
      await expect.poll(() => page.locator('.recharts-surface').count()).toBeGreaterThan(0);
      await page.getByText(/Won: 1 for/).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download CSV' }).click();
      const csv = readFileSync(await (await download).path(), 'utf8');
      expect(csv.split('\r\n')[0]).toContain('Stage,Leads now,Amount now,Reached');
      expect(await seriousA11yViolations(page)).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows the summary by week and the managers report',
    async () => {
      await page.getByRole('tab', { name: 'Summary' }).click();
      await page.getByRole('columnheader', { name: 'Created amount' }).waitFor();
      await page.getByLabel('Group by', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Week' }).click();
      await expect.poll(() => page.url()).toContain('groupBy=week');
      await expect.poll(async () => (await table().textContent()) ?? '').toMatch(/5,?250/);
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole('tab', { name: 'Managers' }).click();
      const row = table().getByRole('row', { name: /Anna Analyst/ });
      await row.waitFor();
      const cells = await row.getByRole('cell').allTextContents();
      // open leads, ..., won, ..., lost, open tasks, overdue
      expect([cells[1], cells[3], cells[6], cells[7]]).toEqual(['2', '1', '1', '1']);
      expect(await seriousA11yViolations(page)).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'shows the event log with changes in words, filtered by type',
    async () => {
      await page.getByRole('tab', { name: 'Event log' }).click();
      await page.getByLabel('Event', { exact: true }).first().click();
      await page.getByRole('option', { name: 'Lead changed' }).click();
      await expect.poll(() => page.url()).toContain('type=lead.updated');
      const changes = table();
      await changes
        .getByText(/Budget:/)
        .first()
        .waitFor();
      const text = (await changes.textContent()) ?? '';
      expect(text).toMatch(/Budget:\s*\$100(\.00)?\s*→\s*\$250/);
      expect(text).toMatch(/Stage:\s*\S.*→/);
      expect(text).toContain('Anna Analyst');
      expect(text).not.toMatch(/[0-9A-Z]{26}/);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
