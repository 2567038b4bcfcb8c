// Tags in use, with how many records carry each (counted by derived/tags.ts).
import type { TagInUse, TagListQuery } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { tagCounterPrefix, unhex } from '../derived/tags.ts';
import { acceptCursor, pageOf } from '../page.ts';

/** One Query over the collection's tag counters, in tag order; tags no longer used are skipped. */
export async function listTags(caller: Caller, query: TagListQuery) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const prefix = tagCounterPrefix(query.entityType);
  return pageOf(
    (o) =>
      db.counter.query
        .byKey({ accountId: caller.accountId })
        .begins({ key: prefix })
        .where((a, op) => op.gt(a.count, 0))
        .go(o),
    { limit: query.limit, cursor },
    (c): TagInUse => ({ tag: unhex(c.key.slice(prefix.length)), count: c.count ?? 0 }),
  );
}
