// The import page and the lists' exports in Chromium (issue 14): a CSV uploaded, its proposed
// mapping shown and one column chosen by hand, the worker's progress to its result (counters,
// the bad row by line, its CSV downloaded); a long import stopped and undone; then the contacts as
// CSV and the leads as XLSX.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './a11y.ts';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors } from './browser.ts';
import { chooseMobileColumn, startAndFinish, uploadForMapping } from './import-page.ts';
import { startWebApp } from './stack.ts';

const BROWSER_TIMEOUT = 120_000;

let app: Awaited<ReturnType<typeof startWebApp>>;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  app = await startWebApp();
  browser = await launchChromium();
  page = await (await newAppContext(browser, app.url, { language: 'en' })).newPage();
  pageErrors = watchPageErrors(page);
  await signUpThroughForm(page, {
    company: 'Import Test LLC',
    name: 'Ira Importer',
    email: `imports-${randomUUID()}@example.com`,
    password: 'Import-pass-1',
  });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The file that `click` downloads. */
async function downloaded(click: () => Promise<void>): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await click();
  return readFileSync(await (await download).path());
}

const exportAs = async (format: 'CSV' | 'Excel (XLSX)') => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: format }).click();
};

describe('Import page', () => {
  it(
    'uploads a CSV, proposes the mapping, takes a column chosen by hand, and shows the result with the failed row',
    async () => {
      await uploadForMapping(page);
      const mapping = page.getByTestId('import-mapping');
      const proposed = (label: string) => mapping.getByLabel(label, { exact: true }).inputValue();
      expect(await proposed('Lead name')).toBe('Lead title');
      expect(await proposed('Budget')).toBe('Budget');
      expect(await proposed('Work phone')).toBe('Phone');
      expect(await proposed('Mobile phone')).toBe('');
      await chooseMobileColumn(page);
      expect(await proposed('Mobile phone')).toBe('Cell');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await startAndFinish(page);
      const progress = page.getByTestId('import-progress');
      await progress.getByText('Processed 3 · created 2 · updated 0 · skipped 0 · failed 1').waitFor();
      await progress.getByText(/^Line 3: Budget "lots" is not an amount/).waitFor();
      const failed = (await downloaded(() => progress.getByRole('button', { name: 'Download failed rows' }).click())).toString('utf8');
      expect(
        failed
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .filter(Boolean),
      ).toEqual([
        'Lead title,Budget,Full name,Phone,Cell,Email,Company,Error',
        'Support contract,lots,Ivan Petrov,+1 202 555 0102,,ivan@example.com,Acme Corp,"Budget ""lots"" is not an amount"',
      ]);
      expect(await seriousA11yViolations(page)).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'stops a long import at its checkpoint and undoes the rows it wrote',
    async () => {
      const rows = Array.from({ length: 3000 }, (_, i) => `Long deal ${i},${i}`);
      await page.goto('/settings/import');
      await page.locator('input[type=file]').setInputFiles({
        name: 'long.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(['Lead title,Budget,Full name,Phone', ...rows].join('\r\n')),
      });
      await page.getByRole('button', { name: 'Upload' }).click();
      await page.getByTestId('import-mapping').waitFor();
      await page.getByRole('button', { name: 'Start import' }).click();
      const progress = page.getByTestId('import-progress');
      // Stopped while it runs: the worker stops at its next checkpoint, and what it wrote stays.
      await progress.getByText('long.csv · running').waitFor({ timeout: 60_000 });
      await progress.getByRole('button', { name: 'Stop import' }).click();
      await progress.getByText('long.csv · cancelled').waitFor({ timeout: 60_000 });
      const counters = await progress.getByText(/^Processed /).textContent();
      const created = Number(/created (\d+)/.exec(counters ?? '')![1]);
      expect(created).toBeGreaterThan(0);
      expect(created).toBeLessThan(3000);

      await progress.getByRole('button', { name: 'Undo import' }).click();
      await progress.getByText('The records of this import are in the trash.').waitFor({ timeout: 120_000 });
      await page.goto('/leads/list');
      await page.getByRole('link', { name: 'CRM rollout' }).waitFor();
      expect(await page.getByRole('link', { name: /^Long deal / }).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );

  it(
    'exports the contacts as CSV (the mobile phone from the chosen column) and the leads as XLSX',
    async () => {
      await page.goto('/contacts');
      await page.getByRole('link', { name: 'Olga Smirnova' }).waitFor();
      const csv = (await downloaded(() => exportAs('CSV'))).toString('utf8');
      const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
      expect(lines[0]).toMatch(/^id,name,phones,emails,/);
      expect(lines.find((l) => l.includes('Olga Smirnova'))).toContain('+1 202 555 0191');
      expect(lines.filter((l) => l.includes('Ivan Petrov'))).toEqual([]);

      await page.goto('/leads/list');
      await page.getByRole('link', { name: 'CRM rollout' }).waitFor();
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await downloaded(() => exportAs('Excel (XLSX)'))) as never);
      const sheet = book.worksheets[0]!;
      const rows = sheet.getSheetValues().slice(1) as unknown[][];
      const header = rows[0]!.slice(1);
      expect(header.slice(0, 3)).toEqual(['id', 'name', 'price']);
      const leads = rows.slice(1).map((r) => [r[2], Number(r[3])]);
      expect(leads.sort()).toEqual([
        ['CRM rollout', 4500],
        ['Website redesign', 12000],
      ]);
      expect(pageErrors).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});
