// Tags in use: a counter item per (collection, tag), moved by +1/-1 in the transaction of
// the lead, contact or company that gains or loses the tag (contributed in derived/index.ts).
import type { RecordCollection } from '@crm/contract';
import type { Caller } from '../context.ts';
import { invalid } from '../errors.ts';
import { COLLECTION_OF, type RecordKind, type Stored } from '../model/records.ts';
import { addTo } from '../write/adds.ts';

/**
 * Most tags one write may add plus remove: each is an item of the record's transaction,
 * which DynamoDB caps at 100 items (with the record, its counters, events, search terms
 * and links). Deleting or restoring a record moves all of its (at most 50) tags.
 */
export const MAX_TAG_CHANGES = 20;

// ElectroDB lower-cases key values; hex keeps "VIP" and "vip" apart, as the lead filter does.
const hex = (tag: string) => Buffer.from(tag, 'utf8').toString('hex');
export const unhex = (code: string) => Buffer.from(code, 'hex').toString('utf8');
export const tagCounterPrefix = (collection: RecordCollection) => `tag#${collection}#`;
export const tagCounterKey = (collection: RecordCollection, tag: string) => `${tagCounterPrefix(collection)}${hex(tag)}`;

const tagsOf = (record: Stored | null) => new Set((record?.tags as string[] | undefined) ?? []);

function tagChanges(before: Stored | null, after: Stored | null) {
  const old = tagsOf(before);
  const next = tagsOf(after);
  return { added: [...next].filter((t) => !old.has(t)), removed: [...old].filter((t) => !next.has(t)) };
}

export function checkTagChanges(after: Stored, before: Stored | null) {
  const { added, removed } = tagChanges(before, after);
  if (added.length + removed.length > MAX_TAG_CHANGES) {
    throw invalid('Too many tag changes at once', [
      { path: 'tags', message: `at most ${MAX_TAG_CHANGES} tags can be added or removed in one change` },
    ]);
  }
}

export function tagCounterWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null) {
  const { added, removed } = tagChanges(before, after);
  const bump = (tag: string, count: number) => addTo('counter', caller.accountId, tagCounterKey(COLLECTION_OF[kind], tag), { count });
  return [...added.map((t) => bump(t, 1)), ...removed.map((t) => bump(t, -1))];
}
