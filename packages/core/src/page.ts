// Cursor pagination: ElectroDB's cursor (base64url of the last key), checked so that a cursor of another account, or
// a forged one, is a 400 and never reaches another partition.
import { createConversions, type Entity } from 'electrodb';
import { invalid } from './errors.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const badCursor = () => invalid('The cursor is not valid for this list', [{ path: 'cursor', message: 'invalid cursor' }]);

/** A cursor's JSON object (base64url); anything else is a 400. */
function cursorObject(cursor: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badCursor();
  return value as Record<string, unknown>;
}

/** Checks that every key in the cursor belongs to the caller's account before it is used. */
export function acceptCursor(cursor: string | undefined, accountId: string): string | undefined {
  if (!cursor) return undefined;
  const key = cursorObject(cursor);
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

/**
 * Where an item sits in a per-member index: its sort key as DynamoDB orders it, and the
 * cursor that goes on after it (ElectroDB's conversions, so keys are built as the Query's).
 */
export interface MemberIndex<I> {
  keyOf(item: I): string;
  cursorAfter(item: I): string;
  /** The sort key a member's cursor stopped at: everything before it has been read. */
  keyOfCursor(cursor: string): string;
}

/** The by-responsible index of leads, contacts, companies or tasks (each has one, on a GSI). */
export function byResponsibleIndex<I>(entity: Entity<any, any, any, any>): MemberIndex<I> {
  const at = (createConversions(entity).byAccessPattern as Record<string, any>).byResponsible;
  const sortKey = (keys: Record<string, string>) => Object.entries(keys).find(([k]) => /^gsi\dsk$/.test(k))?.[1] ?? '';
  return {
    keyOf: (item) => sortKey(at.fromComposite.toKeys(item)),
    cursorAfter: (item) => at.fromComposite.toCursor(item),
    keyOfCursor: (cursor) => sortKey(at.fromCursor.toKeys(cursor)),
  };
}

/** Members one merged page reads at most (one Query each, in parallel); a bigger group reads the list's own index filtered to it. */
export const MERGED_MEMBERS = 25;

/**
 * A list of a group's records (`view: group`): one Query per member on the by-responsible
 * index, merged in that index's order into a full page. An item is shown only once every
 * member still being read has got past it, so the order holds across pages; the cursor
 * carries each member's own position (null: that member is done).
 */
export async function mergedPageOf<I, T>(
  accountId: string,
  members: readonly string[],
  readOf: (member: string) => PageRead<I>,
  index: MemberIndex<I>,
  order: 'asc' | 'desc',
  page: { limit: number; cursor?: string },
  map: (item: I) => T,
): Promise<Page<T>> {
  const state = acceptMergedCursor(page.cursor, accountId, members);
  const reading = members.filter((m) => state[m] !== null);
  const answers = await Promise.all(reading.map((m) => pageOf(readOf(m), { limit: page.limit, cursor: state[m] ?? undefined }, (i) => i)));
  const before = (a: string, b: string) => (order === 'asc' ? a < b : a > b);
  // The furthest key every member still being read has passed: items up to it are in order.
  let bound: string | null = null;
  for (const { nextCursor } of answers) {
    if (!nextCursor) continue;
    const key = index.keyOfCursor(nextCursor);
    if (bound === null || before(key, bound)) bound = key;
  }
  const candidates = answers.flatMap((a, n) => a.items.map((item) => ({ item, member: reading[n]!, key: index.keyOf(item) })));
  const shown = candidates
    .filter((c) => bound === null || c.key === bound || before(c.key, bound))
    .sort((a, b) => (a.key === b.key ? 0 : before(a.key, b.key) ? -1 : 1))
    .slice(0, page.limit);
  const next: Record<string, string | null | undefined> = { ...state };
  reading.forEach((member, n) => {
    const answer = answers[n]!;
    const mine = shown.filter((c) => c.member === member);
    if (mine.length === answer.items.length) next[member] = answer.nextCursor;
    else if (mine.length) next[member] = index.cursorAfter(mine.at(-1)!.item);
  });
  const more = members.some((m) => next[m] !== null);
  return {
    items: shown.map((c) => map(c.item)),
    nextCursor: more ? Buffer.from(JSON.stringify({ members: next }), 'utf8').toString('base64url') : null,
  };
}

/** A merged list's cursor: each member's position checked as a cursor of the account; members not in it start from the top. */
function acceptMergedCursor(cursor: string | undefined, accountId: string, members: readonly string[]) {
  const state: Record<string, string | null | undefined> = {};
  if (!cursor) return state;
  const positions = cursorObject(cursor).members;
  if (!positions || typeof positions !== 'object' || Array.isArray(positions)) throw badCursor();
  for (const [member, position] of Object.entries(positions as Record<string, unknown>)) {
    if (!members.includes(member)) continue; // left the group since: no longer listed
    if (position !== null && typeof position !== 'string') throw badCursor();
    state[member] = position === null ? null : acceptCursor(position, accountId);
  }
  return state;
}

/**
 * A page of the records a `q` named through the search index (read by id, a bounded few):
 * those `kept`, ordered by `sortKey` (the sort's value, then the id) and cut in memory. Its
 * cursor is the last record's sort key, shaped as acceptCursor expects (the account in pk), so a
 * cursor of another account is a 400 here too.
 */
export function namedPageOf<I, T>(
  accountId: string,
  records: I[],
  query: { sort: string; limit: number; cursor?: string },
  sortKey: (record: I) => string,
  kept: (record: I) => boolean,
  toContract: (record: I) => T,
): Page<T> {
  const cursor = acceptCursor(query.cursor, accountId);
  const desc = query.sort.startsWith('-');
  const after = cursor && (cursorObject(cursor) as { sk?: unknown }).sk;
  if (cursor && typeof after !== 'string') throw badCursor();
  const keyed = records
    .filter(kept)
    .map((r) => ({ r, key: sortKey(r) }))
    .filter(({ key }) => !after || (desc ? key < after : key > after))
    .sort((a, b) => (a.key < b.key ? -1 : 1) * (desc ? -1 : 1));
  const page = keyed.slice(0, query.limit);
  const last = page.at(-1);
  const next =
    keyed.length > query.limit && last
      ? Buffer.from(JSON.stringify({ pk: `named#accountid_${accountId.toLowerCase()}`, sk: last.key })).toString('base64url')
      : null;
  return { items: page.map(({ r }) => toContract(r)), nextCursor: next };
}
