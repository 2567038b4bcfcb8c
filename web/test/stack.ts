// The app under test: web/dist (built when stale) served by the local API Gateway emulator
// over the test run's shared DynamoDB Local and cognito-local.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildWebIfStale } from '../../packages/local/src/web-build.ts';
import { startTestApi } from '../../packages/local/src/testing.ts';
import { launchChromium, newAppContext, signUpThroughForm, watchPageErrors } from './browser.ts';

export async function startWebApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const build = buildWebIfStale();
  if (build === 'failed' || build === 'no-build-script') throw new Error(`web build: ${build} (npm run build -w @crm/web shows why)`);
  const { apiUrl, close } = await startTestApi();
  return { url: apiUrl.replace('127.0.0.1', 'localhost'), close };
}

/** The signed-in user's token, read from the page's session. */
export const tokenOf = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('crm.session')!).idToken as string);

export interface SignedInApp {
  url: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of `page`. */
  pageErrors: string[];
  user: { company: string; name: string; email: string; password: string };
  /**
   * The API as the signed-in user, for what "someone else" does behind the page: a failed call
   * fails the test with its status and body. An empty answer (204) is undefined.
   */
  call<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    data?: object,
    headers?: Record<string, string>,
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * What every browser test file starts with: the stack, Chromium, an English browser profile and
 * a new account signed up through the form (a fresh e-mail each run). One per file.
 */
export async function startSignedIn(account: { company: string; name: string; password?: string }): Promise<SignedInApp> {
  const app = await startWebApp();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await newAppContext(browser, app.url, { language: 'en' });
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    const user = {
      company: account.company,
      name: account.name,
      email: `${account.name.split(' ')[0].toLowerCase()}-${randomUUID()}@example.com`,
      password: account.password ?? 'Web-test-pass-1',
    };
    await signUpThroughForm(page, user);
    const call: SignedInApp['call'] = async (method, path, data, headers = {}) => {
      const answer = await page.request.fetch(`${app.url}/api/v1${path}`, {
        method,
        data,
        headers: { authorization: `Bearer ${await tokenOf(page)}`, ...headers },
      });
      expect(answer.ok(), `${method} ${path}: ${answer.status()} ${await answer.text()}`).toBe(true);
      return answer.status() === 204 ? undefined : answer.json();
    };
    const opened = browser;
    return { url: app.url, browser, context, page, pageErrors, user, call, close: async () => (await opened.close(), await app.close()) };
  } catch (e) {
    await browser?.close();
    await app.close();
    throw e;
  }
}
