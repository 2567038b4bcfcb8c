// How many leads, contacts, companies and tasks an account holds, kept in the same
// transaction as each create, delete and restore: the Usage page reads four counters (and their
// shards, derived/counters.ts), never the records.
import { addTo } from '../write/adds.ts';
import type { Write } from '../write/write.ts';
import { shardedKey } from './counters.ts';

export type CountedKind = 'lead' | 'contact' | 'company' | 'task';
export const COUNTED_KINDS: readonly CountedKind[] = ['lead', 'contact', 'company', 'task'];

export const recordCountKey = (kind: CountedKind) => `records#${kind}`;

/** +1 when a record appears (create, restore), -1 when it goes (delete); nothing on an edit. */
export function recordCountWrites(accountId: string, kind: CountedKind, before: object | null, after: object | null): Write[] {
  if (!!before === !!after) return [];
  const recordId = String(((after ?? before) as Record<string, unknown>)[`${kind}Id`]);
  return [addTo('counter', accountId, shardedKey(recordCountKey(kind), recordId), { count: after ? 1 : -1 })];
}
