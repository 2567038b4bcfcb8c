// What every write of a lead, contact or company also does, in the same transaction: the
// checks it must pass and the derived items other reads need (search terms, tags in use,
// links). The record services call `checkRecord` and `derivedWrites` once per write.
import type { Caller } from '../context.ts';
import { COLLECTION_OF, type RecordKind, type Stored } from '../model/records.ts';
import { requireRight, type Action } from '../rights.ts';
import type { Write } from '../write/write.ts';
import { contactTallyWrites } from './analytics-counters.ts';
import { checkCustomFields } from './custom-field-values.ts';
import { checkLinks, linkWrites } from './links.ts';
import { recordCountWrites } from './record-counts.ts';
import { searchTermWrites } from './search-terms.ts';
import { checkTagChanges, tagCounterWrites } from './tags.ts';

export async function derivedWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null): Promise<Write[]> {
  return [
    ...tagCounterWrites(caller, kind, before, after),
    ...(await searchTermWrites(caller, kind, before, after)),
    ...linkWrites(caller, kind, before, after),
    ...contactTallyWrites(caller.accountId, kind, before, after),
    ...recordCountWrites(caller.accountId, kind, before, after),
  ];
}

/** Checks a record must pass before it is written; custom-field values are normalised in `after` in place. */
export async function checkRecord(caller: Caller, kind: RecordKind, after: Stored, before: Stored | null) {
  await checkCustomFields(caller, kind, after, before);
  checkTagChanges(after, before);
  await checkLinks(caller, kind, after, before);
}

/** What the aggregates of leads, contacts and companies share: rights by owner, the checks, the derived items. */
export function recordRules<Item extends Stored & { responsibleUserId: string }>(kind: RecordKind) {
  return {
    authorize: (caller: Caller, access: Action, item: Item) =>
      requireRight(caller, COLLECTION_OF[kind], access, { userId: item.responsibleUserId }),
    check: (caller: Caller, after: Item, before: Item | null) => checkRecord(caller, kind, after, before),
    alongside: (caller: Caller, before: Item | null, after: Item | null) => derivedWrites(caller, kind, before, after),
  };
}
