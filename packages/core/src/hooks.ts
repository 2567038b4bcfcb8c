// What every write of a lead, contact or company also does, in the same transaction:
// the derived items that other reads need (search terms, tags in use, links). Each
// module contributes a function here; the entity services call `derivedWrites` once.
import type { Caller } from './context.ts';
import type { Write } from './write.ts';
import { checkLinks, linkWrites } from './services/links.ts';
import { checkCustomFields } from './services/custom-fields.ts';
import { searchTermWrites } from './services/search.ts';
import { checkTagChanges, tagCounterWrites } from './services/tags.ts';

export type RecordKind = 'lead' | 'contact' | 'company';

/** A stored item as the services hold it (ElectroDB attributes), or null when absent. */
export type Stored = Record<string, unknown> & { accountId: string };

export type DerivedWrites = (caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null) => Promise<Write[]> | Write[];
export type Check = (caller: Caller, kind: RecordKind, after: Stored, before: Stored | null) => Promise<void> | void;

/** Contributors of derived items (search index, tags in use, contact-lead links...). */
const derived: DerivedWrites[] = [tagCounterWrites, searchTermWrites, linkWrites];
/** Checks a record must pass before it is written (custom fields, links that must exist...). */
// checkCustomFields also normalises `after.customFields` in place (merged, trimmed, typed).
const checks: Check[] = [checkCustomFields, checkTagChanges, checkLinks];

export async function derivedWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null) {
  return (await Promise.all(derived.map((d) => d(caller, kind, before, after)))).flat();
}

export async function checkRecord(caller: Caller, kind: RecordKind, after: Stored, before: Stored | null) {
  for (const check of checks) await check(caller, kind, after, before);
}
