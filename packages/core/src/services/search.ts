// Quick search: leads, contacts and companies by name prefix, phone digits or e-mail, read
// from the search-term items (derived/search-terms.ts) with a few prefix Queries.
import type { SearchQuery, SearchResult } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { MAX_TERM, reversed, wordsOf, type Field, type Hit } from '../derived/search-terms.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';
import { COLLECTION_OF, type RecordKind } from '../model/records.ts';
import { may, scopeOf } from '../rights.ts';

const KINDS: RecordKind[] = ['lead', 'contact', 'company'];
const PHONE_LIKE = /^[\d\s()+\-.]+$/;
/** E-mail terms are looked up only for a single token of the characters addresses are made of. */
const EMAIL_LIKE = /^[a-z0-9._%+\-@]+$/i;

/**
 * At most 7 Queries: a name prefix per collection (by the query's longest word; the other
 * words must begin words of the hit's name too), and for contacts and companies a phone
 * suffix (a prefix of the reversed digits) and an e-mail prefix, each only when the query
 * looks like one.
 */
export async function search(caller: Caller, { q, limit }: SearchQuery): Promise<SearchResult> {
  const words = wordsOf(q);
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  const digits = phoneDigits(q);
  // A kind the caller may not view is not even read.
  const lookups = KINDS.filter((kind) => scopeOf(caller, COLLECTION_OF[kind], 'view') !== 'none').flatMap((kind) => {
    const find = (field: Field, prefix: string, fetch: number, keep: (hit: Hit) => boolean = () => true) =>
      db.searchTerm.query
        .byTerm({ accountId: caller.accountId, recordType: kind, field })
        .begins({ term: prefix.slice(0, MAX_TERM) })
        .go({ limit: fetch })
        .then(({ data }) => ({ kind, data: data.filter((d) => keep(d.hit as Hit)) }));
    const found = [];
    if (longest) found.push(find('name', longest, Math.min(limit * 3, 150), (hit) => namedBy(hit.name, words)));
    if (kind !== 'lead' && PHONE_LIKE.test(q) && digits.length >= 4) found.push(find('phone', reversed(digits), limit));
    if (kind !== 'lead' && EMAIL_LIKE.test(q)) found.push(find('email', emailKey(q), limit));
    return found;
  });
  const hits: Record<RecordKind, Map<string, Hit>> = { lead: new Map(), contact: new Map(), company: new Map() };
  for (const { kind, data } of await Promise.all(lookups)) {
    for (const d of data) {
      const seen = hits[kind];
      if (seen.size >= limit || seen.has(d.recordId)) continue;
      if (may(caller, COLLECTION_OF[kind], 'view', { userId: d.ownerId })) seen.set(d.recordId, d.hit as Hit);
    }
  }
  const list = (kind: RecordKind) => [...hits[kind].values()];
  return { leads: list('lead'), contacts: list('contact'), companies: list('company') } as SearchResult;
}

/** Every word of the query begins some word of the name ("ivan pet" finds "Petrov Ivan"). */
function namedBy(name: string, queryWords: string[]) {
  const nameWords = wordsOf(name);
  return queryWords.every((q) => nameWords.some((w) => w.startsWith(q)));
}
