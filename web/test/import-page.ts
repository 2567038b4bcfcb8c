// The import page driven as a user would, shared by its browser test and the screenshots script:
// a small English CSV (one bad budget) uploaded, its mapping shown, one column chosen by hand.
import type { Page } from 'playwright-core';

/** Header "Cell" matches no field: the user maps it to the contact's mobile phone. */
export const IMPORT_CSV = [
  'Lead title,Budget,Full name,Phone,Cell,Email,Company',
  'Website redesign,12000,Olga Smirnova,+1 202 555 0101,+1 202 555 0191,olga@example.com,Acme Corp',
  'Support contract,lots,Ivan Petrov,+1 202 555 0102,,ivan@example.com,Acme Corp',
  'CRM rollout,"4,500",Maria Lopez,+1 202 555 0103,+1 202 555 0193,maria@example.com,Globex',
].join('\r\n');

/** Uploads the file on Settings > Import and waits for the proposed mapping. */
export async function uploadForMapping(page: Page) {
  await page.goto('/settings/import');
  await page.locator('input[type=file]').setInputFiles({ name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByTestId('import-mapping').waitFor();
}

/** Maps the "Cell" column to the mobile phone (proposed: none). */
export async function chooseMobileColumn(page: Page) {
  await page.getByTestId('import-mapping').getByLabel('Mobile phone', { exact: true }).click();
  await page.getByRole('option', { name: 'Cell', exact: true }).click();
}

/** Starts the import and waits for the worker to finish it. */
export async function startAndFinish(page: Page) {
  await page.getByRole('button', { name: 'Start import' }).click();
  await page.getByTestId('import-progress').getByText('deals.csv · done').waitFor({ timeout: 30_000 });
}
