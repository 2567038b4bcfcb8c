// Search-term items kept current by every lead/contact/company write (a contributor in
// derived/index.ts); services/search.ts finds records by them with a few prefix Queries.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { RecordKind, Stored } from '../model/records.ts';
import { fold } from '../text.ts';
import { put, remove, type Write } from '../write/write.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';

export type Field = 'name' | 'phone' | 'email';
interface Term {
  field: Field;
  term: string;
}
export type Hit = { id: string; name: string } & Record<string, unknown>;

// Caps on the terms of one record. A rewrite deletes the old terms and puts the new ones in
// the record's transaction (at most 2 x 13 items), which DynamoDB caps at 100 items in all.
export const MAX_NAME_WORDS = 6;
export const MAX_PHONES = 4;
export const MAX_EMAILS = 3;
/** Phones and e-mails a hit shows. */
const HIT_CHANNELS = 3;
/** Sort keys stay far below DynamoDB's 1 KB. */
export const MAX_TERM = 100;

/** The words a name is found by: folded (case, ё/е), split on anything but letters and digits. */
export const wordsOf = (text: string) => [
  ...new Set(
    fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  ),
];
export const reversed = (s: string) => [...s].reverse().join('');

type Channel = { value: string; type: string };
const channels = (list: unknown) => ((list as Channel[] | undefined) ?? []).map(({ value, type }) => ({ value, type }));

const idOf = (kind: RecordKind, r: Stored) => r[`${kind}Id`] as string;

function hitOf(kind: RecordKind, r: Stored): Hit {
  const base = { id: idOf(kind, r), name: r.name as string };
  if (kind === 'lead') return { ...base, price: r.price as number, status: r.status as string };
  const contactWays = { phones: channels(r.phones).slice(0, HIT_CHANNELS), emails: channels(r.emails).slice(0, HIT_CHANNELS) };
  if (kind === 'contact') return { ...base, ...contactWays, position: (r.position as string | undefined) ?? null };
  return { ...base, ...contactWays, website: (r.website as string | undefined) ?? null };
}

function termsOf(kind: RecordKind, r: Stored): Term[] {
  const words = wordsOf(r.name as string)
    .slice(0, MAX_NAME_WORDS)
    .map((term) => ({ field: 'name' as const, term }));
  if (kind === 'lead') return words;
  const phones = [
    ...new Set(
      channels(r.phones)
        .map((p) => phoneDigits(p.value))
        .filter((d) => d.length >= 4),
    ),
  ]
    .slice(0, MAX_PHONES)
    .map((d) => ({ field: 'phone' as const, term: reversed(d) }));
  const emails = [
    ...new Set(
      channels(r.emails)
        .map((e) => emailKey(e.value))
        .filter(Boolean),
    ),
  ]
    .slice(0, MAX_EMAILS)
    .map((term) => ({ field: 'email' as const, term }));
  return [...words, ...phones, ...emails];
}

function indexOf(kind: RecordKind, r: Stored | null) {
  const terms = new Map<string, Term>();
  for (const { field, term: whole } of r ? termsOf(kind, r) : []) {
    const term = whole.slice(0, MAX_TERM);
    terms.set(`${field} ${term}`, { field, term });
  }
  return { terms, hit: r && JSON.stringify(hitOf(kind, r)), ownerId: r?.responsibleUserId };
}

/** Deletes the terms a record lost and puts the new ones (all of them when what a hit shows changed). */
export function searchTermWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null) {
  const old = indexOf(kind, before);
  const next = indexOf(kind, after);
  const recordId = idOf(kind, (after ?? before)!);
  const key = (t: Term) => ({ accountId: caller.accountId, recordType: kind, field: t.field, term: t.term, recordId });
  const writes: Write[] = [];
  for (const [k, t] of old.terms) if (!next.terms.has(k)) writes.push(remove(db.searchTerm.delete(key(t)).params()));
  const rewrite = old.hit !== next.hit || old.ownerId !== next.ownerId;
  for (const [k, t] of next.terms) {
    if (!rewrite && old.terms.has(k)) continue;
    const item = { ...key(t), ownerId: next.ownerId as string, hit: JSON.parse(next.hit!) };
    writes.push(put(db.searchTerm.put(item).params()));
  }
  return writes;
}
