// Time to the board's first lead card, read in the page from the Performance API: shared by the
// first-load test and scripts/bench-first-card.ts.
import type { BrowserContext, Page } from 'playwright-core';

export interface Loaded {
  name: string;
  startTime: number;
  responseEnd: number;
  transferSize: number;
}

export interface FirstCard {
  /** From navigation start to the first lead card in the page, ms. */
  ms: number;
  /** The document and every request started before the first card. */
  requests: Loaded[];
  /** The longest chain of requests each started after the one before had ended: sequential round trips. */
  depth: number;
  /** Bytes over the wire (headers and compressed bodies) before the first card. */
  bytes: number;
}

/** Marks the moment a lead card first enters the page; add before the navigation. */
export async function watchFirstCard(context: BrowserContext): Promise<void> {
  // A string: tsx would wrap named functions in a helper the page does not have.
  await context.addInitScript(`new MutationObserver((_, observer) => {
    if (!document.querySelector('article[data-lead-id]')) return;
    window.__firstCard = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`);
}

export async function measureFirstCard(page: Page, path: string): Promise<FirstCard> {
  await page.goto(path);
  await page.locator('article[data-lead-id]').first().waitFor();
  const { ms, entries } = (await page.evaluate(`(() => {
    const ms = window.__firstCard;
    const pick = (e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd, transferSize: e.transferSize });
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(pick);
    return { ms, entries };
  })()`)) as { ms: number; entries: Loaded[] };
  const requests = entries.filter((e) => e.startTime <= ms).sort((a, b) => a.startTime - b.startTime);
  return { ms, requests, depth: waterfallDepth(requests), bytes: requests.reduce((sum, r) => sum + r.transferSize, 0) };
}

export function waterfallDepth(requests: Loaded[]): number {
  return Math.max(0, ...depthsOf(requests));
}

/** Each request's place in the waterfall: 1 + the deepest request that had answered before it started. */
export function depthsOf(requests: Loaded[]): number[] {
  const depths: number[] = [];
  requests.forEach((r, i) => {
    const before = requests.slice(0, i).flatMap((q, j) => (q.responseEnd <= r.startTime ? [depths[j]!] : []));
    depths.push(1 + Math.max(0, ...before));
  });
  return depths;
}
