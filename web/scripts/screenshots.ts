// `npm run screenshots`: pictures of the desktop, the kanban, a lead card and the kanban on a
// phone, saved to docs/screenshots/. Starts its own local stack with the demo account (or uses
// a running one: CRM_URL, CRM_EMAIL, CRM_PASSWORD) and adds a few deals across the stages.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { logIn } from '../../packages/local/src/cognito.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from '../../packages/local/src/seed.ts';
import { startStack } from '../../packages/local/src/stack.ts';
import { buildWebIfStale } from '../../packages/local/src/web-build.ts';
import { DESKTOP, launchChromium, newAppContext, PHONE, signInThroughForm } from '../test/browser.ts';
import { chooseMobileColumn, startAndFinish, uploadForMapping } from '../test/import-page.ts';

const OUT = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface Stage {
  id: string;
  type: string;
}
interface Lead {
  id: string;
  stageId: string;
  version: number;
}

/** A handful of deals spread over the stages, so the board looks like a working week. */
async function spreadDeals(baseUrl: string, token: string) {
  const call = async <T>(method: string, path: string, body?: unknown, version?: number): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(version ? { 'if-match': `"${version}"` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const [pipeline] = (await call<{ items: { id: string; stages: Stage[] }[] }>('GET', '/pipelines')).items;
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const deals = [
    ['Office fit-out, Litware', 48000, 1],
    ['CRM rollout, Adventure Works', 36000, 1],
    ['Fleet tracking, Blue Yonder', 22000, 2],
    ['Training for Coho Winery', 6000, 2],
    ['Security audit, Woodgrove Bank', 54000, 3],
    ['Kiosk software, Alpine Ski House', 17500, 3],
  ] as const;
  for (const [name, price, stageIndex] of deals) {
    await call('POST', '/leads', { name, price, stageId: open[Math.min(stageIndex, open.length - 1)].id, tags: ['demo'] });
  }
  const dueToday = (hour: number) => {
    const d = new Date();
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const contact = await call<{ id: string }>('POST', '/contacts', {
    name: 'Maria Ivanova',
    phones: [{ value: '+7 913 909-73-32', type: 'mobile' }],
    position: 'Head of procurement',
  }).catch(() => undefined);
  for (const [text, hour] of [
    ['Call about the offer', 9],
    ['Send the contract draft', 14],
  ] as const) {
    await call('POST', '/tasks', {
      text,
      dueAt: dueToday(hour),
      ...(contact ? { entity: { type: 'contact', id: contact.id } } : {}),
    }).catch(() => undefined);
  }
  const existing = (await call<{ items: Lead[] }>('GET', `/leads?pipelineId=${pipeline.id}&stageId=${open[0].id}`)).items;
  const firstMove = existing[0];
  if (firstMove && open[1]) await call('PATCH', `/leads/${firstMove.id}`, { stageId: open[1].id }, firstMove.version);
  return (await call<{ items: Lead[] }>('GET', `/leads?pipelineId=${pipeline.id}&stageId=${open[Math.min(3, open.length - 1)].id}`))
    .items[0];
}

/** Waits until the page has its data: no request in flight and no spinner left. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .locator('[role="status"] .mantine-Loader-root')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(400);
}

async function main() {
  if (buildWebIfStale() === 'failed') throw new Error('the web app does not build: npm run build -w @crm/web');
  let baseUrl = process.env.CRM_URL;
  let stop = async () => {};
  const email = process.env.CRM_EMAIL ?? DEMO_EMAIL;
  const password = process.env.CRM_PASSWORD ?? DEMO_PASSWORD;
  let cognito: { endpoint: string; clientId: string } | undefined;
  if (!baseUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-screenshots-'));
    const stack = await startStack({ dataDir, inMemory: true, ports: { api: 0, dynamodb: 0, cognito: 0 } });
    stop = async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    await seedDemo(stack.config, dataDir);
    baseUrl = stack.apiUrl.replace('127.0.0.1', 'localhost');
    cognito = { endpoint: stack.env.COGNITO_ENDPOINT, clientId: stack.env.USER_POOL_CLIENT_ID };
  }
  const browser = await launchChromium();
  try {
    let lead: Lead | undefined;
    if (cognito) lead = await spreadDeals(baseUrl, await logIn(cognito.endpoint, cognito.clientId, email, password));
    mkdirSync(OUT, { recursive: true });
    const desktop = await (await newAppContext(browser, baseUrl, { viewport: DESKTOP, language: 'en' })).newPage();
    await signInThroughForm(desktop, email, password);
    await settle(desktop);
    await desktop.screenshot({ path: join(OUT, 'desktop.png') });
    await desktop.goto('/leads');
    await settle(desktop);
    await desktop.screenshot({ path: join(OUT, 'kanban.png') });
    const leadId = lead?.id ?? (await desktop.locator('article[data-lead-id]').first().getAttribute('data-lead-id'));
    await desktop.goto(`/leads/${leadId}`);
    await settle(desktop);
    await desktop.screenshot({ path: join(OUT, 'lead-card.png'), fullPage: true });
    // Presence: a colleague has the same card open and is typing in it.
    if (cognito) {
      const colleague = { email: `anna-${Date.now()}@example.com`, name: 'Anna Petrova', password: 'Presence-pass-1' };
      const token = await logIn(cognito.endpoint, cognito.clientId, email, password);
      const res = await fetch(`${baseUrl}/api/v1/users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...colleague, role: 'manager' }),
      });
      if (!res.ok) throw new Error(`POST /users: ${res.status} ${await res.text()}`);
      const anna = await (await newAppContext(browser, baseUrl, { viewport: DESKTOP, language: 'en' })).newPage();
      await signInThroughForm(anna, colleague.email, colleague.password);
      await anna.goto(`/leads/${leadId}`);
      await anna.getByLabel('Lead name').fill('Website redesign, phase 2');
      await desktop.getByText('Anna Petrova is editing this card', { exact: false }).waitFor({ timeout: 10_000 });
      await desktop.screenshot({ path: join(OUT, 'live-presence.png') });
      await anna.close();
    }
    // analytics: the three reports and the event log
    for (const [path, file] of [
      ['/analytics', 'analytics-funnel.png'],
      ['/analytics/summary', 'analytics-summary.png'],
      ['/analytics/managers', 'analytics-managers.png'],
      ['/analytics/events', 'event-log.png'],
      // Widgets (issue 13): Settings > Integrations with each widget's settings form.
      ['/settings/integrations', 'widgets.png'],
    ] as const) {
      await desktop.goto(path);
      await settle(desktop);
      await desktop.screenshot({ path: join(OUT, file), fullPage: true });
    }
    // Import (issue 14): a file's proposed mapping, then the result with its failed row.
    await uploadForMapping(desktop);
    await chooseMobileColumn(desktop);
    await settle(desktop);
    await desktop.screenshot({ path: join(OUT, 'import-mapping.png'), fullPage: true });
    await startAndFinish(desktop);
    await settle(desktop);
    await desktop.screenshot({ path: join(OUT, 'import-result.png'), fullPage: true });
    const phone = await (await newAppContext(browser, baseUrl, { viewport: PHONE, language: 'en' })).newPage();
    await signInThroughForm(phone, email, password);
    await phone.goto('/leads');
    await settle(phone);
    await phone.screenshot({ path: join(OUT, 'kanban-phone.png') });
    console.log(
      `Saved desktop.png, kanban.png, lead-card.png, live-presence.png, the analytics pages, import-mapping.png, import-result.png and kanban-phone.png to ${OUT}`,
    );
  } finally {
    await browser.close();
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
