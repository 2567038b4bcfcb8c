// Search-term items kept current by every lead/contact/company write (a contributor in
// derived/index.ts); services/search.ts finds records by them with a few prefix Queries.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { RecordKind, Stored } from '../model/records.ts';
import { fold } from '../text.ts';
import { put, remove, type Write } from '../write/write.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';

export type Field = 'name' | 'phone' | 'phoneStart' | 'email';
interface Term {
  field: Field;
  term: string;
}
export type Hit = { id: string; name: string } & Record<string, unknown>;

// Caps on the terms of one record: 6 name words (+ up to 6 Latin spellings of Cyrillic ones),
// 2 terms per phone (its end and its start) and 3 e-mails, 23 in all. A rewrite deletes the old
// terms and puts the new ones in the record's transaction (at most 2 x 23 items), which
// DynamoDB caps at 100 items in all.
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

const CYRILLIC = /\p{Script=Cyrillic}/u;
export const hasCyrillic = (text: string) => CYRILLIC.test(text);
// The transliteration table is loaded with the first Cyrillic word: building it costs about
// 17 ms, which the cold start of a Lambda that never meets one need not pay.
let toLatin: ((text: string) => string) | undefined;
const latinSpeller = async () => (toLatin ??= (await import('@sindresorhus/transliterate')).default);

/** The Latin spelling of Cyrillic words, as people type it ("ромашка" -> "romashka"); other words as they are. */
export async function latinWordsOf(words: string[]): Promise<string[]> {
  if (!words.some(hasCyrillic)) return words;
  const spell = await latinSpeller();
  return [...new Set(words.flatMap((w) => (hasCyrillic(w) ? wordsOf(spell(w)) : [w])))];
}
/** A name's words and their Latin spellings, what a query's words must begin. */
export const nameWordsOf = async (name: string) => {
  const words = wordsOf(name);
  return [...new Set([...words, ...(await latinWordsOf(words))])];
};

/** The start of a phone as dialled inside its country: a Russian number without its 7, so "916 123" finds +7 916 123.... */
export const nationalDigits = (digits: string) => (digits.length === 11 && digits.startsWith('7') ? digits.slice(1) : digits);

type Channel = { value: string; type: string };
const channels = (list: unknown) => ((list as Channel[] | undefined) ?? []).map(({ value, type }) => ({ value, type }));

const idOf = (kind: RecordKind, r: Stored) => r[`${kind}Id`] as string;

function hitOf(kind: RecordKind, r: Stored): Hit {
  const base = { id: idOf(kind, r), name: r.name as string };
  // A lead's price and status change often (a PATCH, a stage move) and its terms need not
  // follow them: search reads them from the leads it found (services/search.ts).
  if (kind === 'lead') return base;
  const contactWays = { phones: channels(r.phones).slice(0, HIT_CHANNELS), emails: channels(r.emails).slice(0, HIT_CHANNELS) };
  if (kind === 'contact') return { ...base, ...contactWays, position: (r.position as string | undefined) ?? null };
  return { ...base, ...contactWays, website: (r.website as string | undefined) ?? null };
}

async function termsOf(kind: RecordKind, r: Stored): Promise<Term[]> {
  const named = wordsOf(r.name as string).slice(0, MAX_NAME_WORDS);
  const latin = await latinWordsOf(named.filter(hasCyrillic));
  const words = [...new Set([...named, ...latin])].map((term) => ({ field: 'name' as const, term }));
  if (kind === 'lead') return words;
  const phones = [
    ...new Set(
      channels(r.phones)
        .map((p) => phoneDigits(p.value))
        .filter((d) => d.length >= 4),
    ),
  ]
    .slice(0, MAX_PHONES)
    .flatMap((d) => [
      { field: 'phone' as const, term: reversed(d) },
      { field: 'phoneStart' as const, term: nationalDigits(d) },
    ]);
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

async function indexOf(kind: RecordKind, r: Stored | null) {
  const terms = new Map<string, Term>();
  for (const { field, term: whole } of r ? await termsOf(kind, r) : []) {
    const term = whole.slice(0, MAX_TERM);
    terms.set(`${field} ${term}`, { field, term });
  }
  return { terms, hit: r && JSON.stringify(hitOf(kind, r)), ownerId: r?.responsibleUserId };
}

/** Deletes the terms a record lost and puts the new ones (all of them when what a hit shows changed). */
export async function searchTermWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null) {
  const [old, next] = await Promise.all([indexOf(kind, before), indexOf(kind, after)]);
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

/** One prefix Query on a term partition: the items (record id, owner, hit) whose term begins with `prefix`. */
export const findTerms = (accountId: string, recordType: RecordKind, field: Field, prefix: string, limit: number) =>
  db.searchTerm.query
    .byTerm({ accountId, recordType, field })
    .begins({ term: prefix.slice(0, MAX_TERM) })
    .go({ limit })
    .then(({ data }) => data);

/** Every word of the query begins some word of the name or of its Latin spelling ("ivan pet" finds "Petrov Ivan", "romash" finds "Ромашка"). */
export async function namedBy(name: string, queryWords: string[]) {
  const nameWords = await nameWordsOf(name);
  return queryWords.every((q) => nameWords.some((w) => w.startsWith(q)));
}

/** At most this many records a list's `q` is answered from by id (one BatchGetItem); more walk an index with a filter. */
export const NAMED_RECORDS_READ = 100;

/**
 * The records of a kind whose name the query's words begin (as the search box finds them):
 * one prefix Query by the longest word, and one more in Latin for a Cyrillic query. `null`
 * when more than `cap` terms begin with it: the caller then reads its list another way.
 */
export async function namedRecordIds(accountId: string, kind: RecordKind, q: string, cap: number): Promise<string[] | null> {
  const words = wordsOf(q);
  const spellings = hasCyrillic(q) ? [words, await latinWordsOf(words)] : [words];
  const found = await Promise.all(
    spellings.map(async (named) => {
      const longest = named.reduce((a, w) => (w.length > a.length ? w : a), '');
      if (!longest) return [];
      const data = await findTerms(accountId, kind, 'name', longest, cap + 1);
      if (data.length > cap) return null;
      const matches = await Promise.all(data.map((d) => namedBy((d.hit as Hit).name, named)));
      return data.filter((_, i) => matches[i]).map((d) => d.recordId);
    }),
  );
  if (found.some((ids) => ids === null)) return null;
  return [...new Set(found.flatMap((ids) => ids!))];
}

const PHONE_LIKE = /^[\d\s()+\-.]+$/;
/** Phone fragments shorter than this are found neither at the end nor the start of a number. */
export const MIN_PHONE_DIGITS = 3;

/**
 * The phone lookups a query means, when it looks like (part of) a phone: its digits as the end
 * of a number, and as the start of one as dialled inside the country ("916 123", and "+7 916" or
 * "8 916" without the 7 or 8). Digits in the middle of a number are not found.
 */
export function phoneLookups(q: string): Array<{ field: Field; prefix: string }> {
  const typed = q.replace(/\D/g, '');
  if (!PHONE_LIKE.test(q) || typed.length < MIN_PHONE_DIGITS) return [];
  const start = /^\s*(\+\s*7|8\s*\(?\s*9)/.test(q) ? typed.slice(1) : typed;
  return [
    { field: 'phone', prefix: reversed(phoneDigits(q)) },
    { field: 'phoneStart', prefix: start },
  ];
}
