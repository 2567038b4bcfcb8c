// The trash: deleted leads, contacts and companies (derived/trash-items.ts) listed newest
// first, and restored with their links. Trash and restore are the delete right of the kind.
import type { EntityItem } from 'electrodb';
import type { TrashEntityType, TrashItem, TrashListQuery } from '@crm/contract';
import { TRASH_TYPES } from '@crm/contract/trash';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { touchingOnce } from '../derived/links.ts';
import { linksThatFit, type LinkMoves } from '../derived/relink.ts';
import { trashItemAsRead } from '../derived/trash-items.ts';
import type { TrashEntity } from '../entities/system.ts';
import { forbidden, notFound } from '../errors.ts';
import { newId, now } from '../ids.ts';
import type { LeadItem } from '../model/lead.ts';
import { COLLECTION_OF } from '../model/records.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { companyExists, contactsByIds } from '../reads/records.ts';
import { requireRight, scopeOf } from '../rights.ts';
import { companyLinkMoves, restoreCompanyWrites } from '../services/companies.ts';
import { contactLinkMoves, restoreContactWrites } from '../services/contacts.ts';
import { restoreLeadWrites } from '../services/leads.ts';
import { idempotent } from '../write/idempotency.ts';
import { commit, RaceLost, remove, retrying, update, type EventDraft, type Write } from '../write/write.ts';

type Trashed = EntityItem<typeof TrashEntity>;

const toTrashItem = (t: Trashed): TrashItem => ({
  entityType: t.entityType as TrashEntityType,
  id: t.entityId,
  name: t.name,
  deletedAt: t.deletedAt,
  deletedBy: t.deletedBy,
  expiresAt: new Date(t.expiresAt * 1000).toISOString(),
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Newest first, one Query per page; only the kinds the caller may delete, never what TTL has yet to purge. */
export async function listTrash(caller: Caller, query: TrashListQuery) {
  const allowed: TrashEntityType[] = TRASH_TYPES.filter((t) => scopeOf(caller, COLLECTION_OF[t], 'delete') !== 'none');
  if (!allowed.length || (query.entityType && !allowed.includes(query.entityType))) throw forbidden();
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { accountId } = caller;
  const hidden: string[] = query.entityType ? [] : TRASH_TYPES.filter((t) => !allowed.includes(t));
  const access = query.entityType
    ? db.trash.query.byTypeDeletedAt({ accountId, entityType: query.entityType })
    : db.trash.query.byDeletedAt({ accountId });
  return pageOf(
    (o) =>
      access
        .where((a, op) =>
          [op.gt(a.expiresAt, nowSeconds()), op.notExists(a.restoredAt), ...hidden.map((t) => op.ne(a.entityType, t))].join(' AND '),
        )
        .go({ ...o, order: 'desc' }),
    { limit: query.limit, cursor },
    toTrashItem,
  );
}

interface Restoration {
  writes: Write[];
  events: EventDraft[];
  entity: { id: string };
  pending?: unknown;
}

/**
 * Puts a record back; the trash item goes in the same transaction. Links beyond what that
 * transaction holds stay on the trash item, marked `restoredAt` (out of the trash list), and
 * are put back in the background (cascades/trash-links.ts).
 */
export async function restoreFromTrash(caller: Caller, entityType: TrashEntityType, entityId: string, options?: WriteOptions) {
  return idempotent(caller, options, () =>
    retrying(async () => {
      const key = { accountId: caller.accountId, entityType, entityId };
      const { data: trashed } = await db.trash.get(key).go({ consistent: true });
      if (!trashed || trashed.restoredAt || trashed.expiresAt <= nowSeconds()) throw notFound('Trash item');
      const owner = (trashed.item as { responsibleUserId: string }).responsibleUserId;
      requireRight(caller, COLLECTION_OF[entityType], 'delete', { userId: owner });
      const { writes, events, entity, pending } = await restoration(caller, entityType, trashed);
      // As read: background work on its links may have changed it since (cascades/trash-links.ts).
      const sameDeletion = trashItemAsRead(trashed);
      writes.push(
        pending
          ? update(
              db.trash
                .patch(key)
                .set({ restoredAt: now(), links: pending, stamp: newId() })
                .remove(['unlinking'])
                .where(sameDeletion)
                .params(),
              lost,
            )
          : remove(db.trash.delete(key).where(sameDeletion).params(), lost),
      );
      await commit({ caller, options, result: entity, writes, events });
      return entity;
    }),
  );
}

const lost = () => new RaceLost() as never;

const CLIENT_KINDS = {
  contact: { restore: restoreContactWrites, moves: contactLinkMoves as LinkMoves<unknown> },
  company: { restore: restoreCompanyWrites, moves: companyLinkMoves as LinkMoves<unknown> },
};

/**
 * A contact or company comes back with as many of its links as its transaction holds (those
 * that still exist and are free); `pending` are the links left for cascades/trash-links.ts.
 */
async function restoration(caller: Caller, entityType: TrashEntityType, trashed: Trashed): Promise<Restoration> {
  if (entityType === 'lead') return restoreLead(caller, trashed);
  const { restore, moves } = CLIENT_KINDS[entityType];
  const back = await restore(caller, trashed);
  const batch = await moves.relink(caller, back.entity.id, trashed.links, linksThatFit(back.writes.length + back.events.length + 1));
  // The record comes back in this same transaction: what links to it need not touch it.
  const writes = [...back.writes, ...touchingOnce(batch.writes, { kind: entityType, id: back.entity.id })];
  return { writes, events: [...back.events, ...batch.events], entity: back.entity, pending: batch.rest };
}

/** A lead comes back linked to those of its contacts and its company that still exist. */
async function restoreLead(caller: Caller, trashed: Trashed): Promise<Restoration> {
  const item = trashed.item as LeadItem;
  const alive = new Set((await contactsByIds(caller.accountId, item.contactIds)).map((c) => c.contactId));
  const contactIds = item.contactIds.filter((id) => alive.has(id));
  const companyId = item.companyId && (await companyExists(caller.accountId, item.companyId)) ? item.companyId : undefined;
  const mainContactId = item.mainContactId && alive.has(item.mainContactId) ? item.mainContactId : undefined;
  const { writes, lead } = await restoreLeadWrites(caller, { ...item, contactIds, mainContactId, companyId });
  return { writes, events: [{ type: 'lead.restored', entity: { type: 'lead', id: lead.id }, data: { lead } }], entity: lead };
}
