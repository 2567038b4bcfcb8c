// Cursor pagination: ElectroDB's cursor (base64url of the last key), checked so that a cursor of another account, or
// a forged one, is a 400 and never reaches another partition.
import { invalid } from './errors.ts';

export interface Page<T> { items: T[]; nextCursor: string | null }

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

export async function pageOf<I, T>(
  run: Promise<{ data: I[]; cursor: string | null }>,
  map: (item: I) => T,
): Promise<Page<T>> {
  const { data, cursor } = await run;
  return { items: data.map(map), nextCursor: cursor ?? null };
}
