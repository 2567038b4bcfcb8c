// Cursor pagination: ElectroDB's cursor (base64url of the last key), checked so that a cursor of another account, or
// a forged one, is a 400 and never reaches another partition.
import { invalid } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const badCursor = () => invalid('The cursor is not valid for this list', [{ path: 'cursor', message: 'invalid cursor' }]);

/** Checks that every key in the cursor belongs to the caller's account before it is used. */
export function acceptCursor(cursor: string | undefined, accountId: string): string | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw badCursor();
  const mark = `accountid_${accountId.toLowerCase()}`;
  const values = Object.entries(key as Record<string, unknown>);
  const keysOk = values.every(([, v]) => typeof v === 'string' && v.length < 1024);
  const pkOk = values.some(([k, v]) => k === 'pk' && typeof v === 'string' && v.includes(mark));
  const gsiOk = values.filter(([k]) => /^gsi\dpk$/.test(k)).every(([, v]) => (v as string).includes(mark));
  if (!keysOk || !pkOk || !gsiOk) throw badCursor();
  return cursor;
}

/** One read of a list: ElectroDB's `go` with the page's options (`count` cuts it at that many matches). */
export type PageRead<I> = (options: { limit: number; cursor?: string; count?: number }) => Promise<{ data: I[]; cursor: string | null }>;

/**
 * Queries one list page may make when a filter leaves items out; each reads at most 1 MB.
 * Documented in docs/data-model.md ("Pages").
 */
export const PAGE_READ_BUDGET = 5;
/** Items a follow-up Query evaluates at least, so that a sparse filter gets on within the budget. */
const FOLLOW_UP_READ = 100;

/**
 * A page holds `limit` items whenever that many remain. An unfiltered page is one Query; a
 * FilterExpression that drops items makes it read on (up to PAGE_READ_BUDGET Queries), and
 * only a page that spent the budget comes back short, its nextCursor going on from there.
 */
export async function pageOf<I, T>(read: PageRead<I>, page: { limit: number; cursor?: string }, map: (item: I) => T): Promise<Page<T>> {
  const items: I[] = [];
  let cursor: string | null | undefined = page.cursor;
  for (let round = 0; round < PAGE_READ_BUDGET; round++) {
    const wanted = page.limit - items.length;
    const from = cursor ?? undefined;
    const limit = round === 0 ? wanted : Math.max(wanted * 4, FOLLOW_UP_READ);
    let answer = await read({ limit, cursor: from });
    // More matched than fit: read the same range again, cut after the last item that fits.
    if (answer.data.length > wanted) answer = await read({ limit, cursor: from, count: wanted });
    items.push(...answer.data);
    cursor = answer.cursor;
    if (!cursor || items.length >= page.limit) break;
  }
  return { items: items.map(map), nextCursor: cursor ?? null };
}
