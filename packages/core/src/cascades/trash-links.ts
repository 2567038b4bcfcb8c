// Finishes in the background what a contact's or company's delete or restore could not fit in
// its own transaction: taking it off (or putting it back on) the rest of its leads and
// contacts, a batch per transaction. Runs from the bus on `contact|company.deleted|restored`
// (at least once, maybe twice at the same time): each batch is conditioned on the trash item's
// stamp, so a batch applies once, and a delete or restore that came after stops the older work.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { LinkMoves } from '../derived/relink.ts';
import { trashItemAsRead } from '../derived/trash-items.ts';
import { newId } from '../ids.ts';
import { companyLinkMoves } from '../services/companies.ts';
import { contactLinkMoves } from '../services/contacts.ts';
import { commit, RaceLost, remove, retrying, update } from '../write/write.ts';

/** Links a background batch moves: with the trash item's write, well inside one transaction. */
const BATCH = 20;

const MOVES: Record<'contact' | 'company', LinkMoves<any>> = { contact: contactLinkMoves, company: companyLinkMoves };

/** A background step that found only index entries not yet caught up waits this long before reading again. */
const INDEX_LAG_MS = 200;
/** Steps in a row that may move nothing before the work is handed back to the bus's retries. */
const IDLE_STEPS = 25;

/** Moves batches until nothing is left to move for this trash item; answers how many links it moved. */
export async function finishTrashLinks(accountId: string, entityType: 'contact' | 'company', entityId: string) {
  const caller: Caller & { actor: { type: 'system'; id: string } } = {
    accountId,
    userId: 'system',
    role: 'admin',
    groupId: null,
    actor: { type: 'system', id: 'trash' },
  };
  let moved = 0;
  for (let idle = 0; idle < IDLE_STEPS;) {
    const done = await retrying(() => step(caller, MOVES[entityType], entityType, entityId));
    moved += done.moved;
    if (!done.more) return moved;
    idle = done.moved ? 0 : idle + 1;
    if (!done.moved) await new Promise((r) => setTimeout(r, INDEX_LAG_MS));
  }
  throw new Error(`Links of ${entityType} ${entityId} made no progress in ${IDLE_STEPS} steps; left to the retry`);
}

/** One batch and the trash item's new state, in one transaction. */
async function step(caller: Caller, moves: LinkMoves<unknown>, entityType: 'contact' | 'company', entityId: string) {
  const key = { accountId: caller.accountId, entityType, entityId };
  const { data: trashed } = await db.trash.get(key).go({ consistent: true });
  if (!trashed || (!trashed.unlinking && !trashed.restoredAt)) return { more: false, moved: 0 };
  // Two deliveries read the same stamp: only the first batch to commit applies.
  const asRead = trashItemAsRead(trashed);
  if (trashed.restoredAt) {
    const batch = await moves.relink(caller, entityId, trashed.links, BATCH);
    const trashWrite =
      batch.rest === null
        ? remove(db.trash.delete(key).where(asRead).params(), lost)
        : update(db.trash.patch(key).set({ links: batch.rest, stamp: newId() }).where(asRead).params(), lost);
    await commit({ caller, writes: [...batch.writes, trashWrite], events: batch.events });
    return { more: batch.rest !== null, moved: batch.events.length };
  }
  const batch = await moves.unlink(caller, entityId, BATCH);
  const patch = db.trash.patch(key).set({ links: moves.merge(trashed.links, batch.links), stamp: newId() });
  const trashWrite = update((batch.more ? patch : patch.remove(['unlinking'])).where(asRead).params(), lost);
  await commit({ caller, writes: [...batch.writes, trashWrite], events: batch.events });
  return { more: batch.more, moved: batch.events.length };
}

const lost = () => new RaceLost() as never;
