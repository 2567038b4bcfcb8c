// Quick search: leads, contacts and companies by name prefix, phone digits or e-mail, read
// from the search-term items (derived/search-terms.ts) with a few prefix Queries.
import type { SearchQuery, SearchResult } from '@crm/contract';
import type { Caller } from '../context.ts';
import { findTerms, hasCyrillic, latinWordsOf, namedBy, phoneLookups, wordsOf, type Field, type Hit } from '../derived/search-terms.ts';
import { emailKey } from '../model/phones.ts';
import { COLLECTION_OF, type RecordKind } from '../model/records.ts';
import { may, scopeOf } from '../rights.ts';
import { leadsByIds } from '../reads/records.ts';

const KINDS: RecordKind[] = ['lead', 'contact', 'company'];
/** E-mail terms are looked up only for a single token of the characters addresses are made of. */
const EMAIL_LIKE = /^[a-z0-9._%+\-@]+$/i;

const longestOf = (words: string[]) => words.reduce((a, w) => (w.length > a.length ? w : a), '');

/**
 * At most 5 Queries per collection (15 in all), each only when the query looks like what it
 * finds: a name prefix (by the query's longest word; the other words must begin words of the
 * hit's name, or of its Latin spelling), the same in Latin for a Cyrillic query (finds
 * "Romashka" by "ромашка"; Latin queries find Cyrillic names through their Latin terms), and
 * for contacts and companies a phone's end, a phone's start and an e-mail prefix.
 */
export async function search(caller: Caller, { q, limit }: SearchQuery): Promise<SearchResult> {
  const words = wordsOf(q);
  const latin = hasCyrillic(q) ? await latinWordsOf(words) : [];
  const phones = phoneLookups(q);
  // A kind the caller may not view is not even read.
  const lookups = KINDS.filter((kind) => scopeOf(caller, COLLECTION_OF[kind], 'view') !== 'none').flatMap((kind) => {
    const find = async (field: Field, prefix: string, fetch: number, keep: (hit: Hit) => Promise<boolean> | boolean = () => true) => {
      const data = await findTerms(caller.accountId, kind, field, prefix, fetch);
      const kept = await Promise.all(data.map((d) => keep(d.hit as Hit)));
      return { kind, data: data.filter((_, i) => kept[i]) };
    };
    const found = [];
    for (const named of latin.length ? [words, latin] : [words]) {
      const longest = longestOf(named);
      if (longest) found.push(find('name', longest, Math.min(limit * 3, 150), (hit) => namedBy(hit.name, named)));
    }
    if (kind !== 'lead') for (const { field, prefix } of phones) found.push(find(field, prefix, limit));
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
  return {
    leads: await withPriceAndStatus(caller.accountId, list('lead')),
    contacts: list('contact'),
    companies: list('company'),
  } as SearchResult;
}

/**
 * A lead hit's price and status, read from the leads (one BatchGetItem of at most `limit`
 * keys): the terms do not carry them, so a price change or a stage move rewrites no term. A
 * lead deleted since its terms were read is left out.
 */
async function withPriceAndStatus(accountId: string, found: Hit[]) {
  const leads = await leadsByIds(
    accountId,
    found.map((h) => h.id),
  );
  const byId = new Map(leads.map((l) => [l.leadId, l]));
  return found.flatMap((h) => {
    const lead = byId.get(h.id);
    return lead ? [{ id: h.id, name: lead.name, price: lead.price, status: lead.status }] : [];
  });
}
