// Drives Debian's Chromium with playwright-core for the browser tests and the screenshot script.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A fresh browser profile (own localStorage) with the app's language set up front. */
interface ContextOptions {
  viewport?: { width: number; height: number };
  language?: 'en' | 'ru';
  /** A phone's touch screen (touch events, no mouse hover). */
  touch?: boolean;
}

export async function newAppContext(browser: Browser, baseURL: string, opts: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: opts.viewport ?? DESKTOP,
    hasTouch: opts.touch ?? false,
    locale: opts.language === 'ru' ? 'ru-RU' : 'en-US',
    serviceWorkers: 'block',
  });
  // Only a first visit gets the language; a choice made in the app must survive reloads.
  if (opts.language) {
    await context.addInitScript((lang) => {
      if (!localStorage.getItem('crm.lang')) localStorage.setItem('crm.lang', lang);
    }, opts.language);
  }
  return context;
}

/** Collects uncaught page errors, so a test can assert the app did not crash. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** A new account from the sign-up form; lands on the desktop. */
export async function signUpThroughForm(page: Page, user: { company: string; name: string; email: string; password: string }) {
  await page.goto('/signup');
  await page.getByLabel(/^Company/).fill(user.company);
  await page.getByLabel(/^Your name/).fill(user.name);
  await page.getByLabel(/^E-mail/).fill(user.email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page
    .getByLabel(/^Password/)
    .first()
    .fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * From the next page load on, this page's live socket opens but hears nothing, as when it is
 * down: for tests of what a stale screen does when its change clashes with another's.
 */
export async function withoutLiveUpdates(page: Page): Promise<void> {
  await page.routeWebSocket(/.*/, () => {});
}

/**
 * Holds back this page's GETs of `url` until the returned release: a second edit made then
 * meets a list that no refetch has refreshed since the first save, as on a slow network.
 */
export async function holdReads(page: Page, url: RegExp): Promise<() => Promise<void>> {
  const held: Route[] = [];
  const hold = (route: Route) => (route.request().method() === 'GET' ? void held.push(route) : route.fallback());
  await page.route(url, hold);
  return async () => {
    await page.unroute(url, hold);
    // A read the app cancelled meanwhile (a newer refetch of the same list) is already settled.
    await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
  };
}

/** The answer of the request `action` sends to `url` with `method`, listened for before the action. */
export async function answerTo(page: Page, method: string, url: RegExp, action: () => Promise<unknown>) {
  const [answer] = await Promise.all([page.waitForResponse((r) => r.request().method() === method && url.test(r.url())), action()]);
  return answer;
}
