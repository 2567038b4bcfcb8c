// Re-linking leads when a contact or company leaves or comes back: each lead changes in the
// transaction of the record that leaves or returns, with its own event and derived items.
import type { Caller } from '../context.ts';
import { now } from '../ids.ts';
import { db } from '../db.ts';
import { toLead, type LeadItem } from '../model/lead.ts';
import { diff, MAX_TRANSACTION_ITEMS, update, type EventDraft, type Write } from '../write/write.ts';
import { derivedWrites } from './index.ts';

export interface LeadLinkChange {
  contactIds?: string[];
  mainContactId?: string | null;
  companyId?: string | null;
}

/**
 * One lead's changed links as part of another record's transaction: the lead's own
 * update (version-checked, so a lead changed meanwhile makes the whole write retry), its
 * lead.updated event and its derived items.
 */
export async function relinkLead(caller: Caller, lead: LeadItem, change: LeadLinkChange) {
  const next: LeadItem = { ...lead, updatedAt: now(), version: lead.version + 1 };
  if (change.contactIds) next.contactIds = change.contactIds;
  if (change.mainContactId !== undefined) next.mainContactId = change.mainContactId ?? undefined;
  if (change.companyId !== undefined) next.companyId = change.companyId ?? undefined;
  const set: { contactIds: string[]; updatedAt: string; version: number; mainContactId?: string; companyId?: string; companyKey?: string } =
    { contactIds: next.contactIds, updatedAt: next.updatedAt, version: next.version };
  const cleared: Array<'mainContactId' | 'companyId'> = [];
  if (next.mainContactId) set.mainContactId = next.mainContactId;
  else cleared.push('mainContactId');
  if (change.companyId !== undefined) {
    set.companyKey = next.companyId ?? '-';
    if (next.companyId) set.companyId = next.companyId;
    else cleared.push('companyId');
  }
  const writes: Write[] = [
    update(
      db.lead
        .patch({ accountId: caller.accountId, leadId: lead.leadId })
        .set(set)
        .remove(cleared)
        .where((a, op) => op.eq(a.version, lead.version))
        .params(),
    ),
    ...(await derivedWrites(caller, 'lead', lead, next)),
  ];
  const after = toLead(next);
  const changes = diff(toLead(lead), after, ['contactIds', 'mainContactId', 'companyId']);
  const event: EventDraft = { type: 'lead.updated', entity: { type: 'lead', id: lead.leadId }, data: { lead: after }, changes };
  return { writes, event };
}

/**
 * Links a delete or restore changes in its own transaction (each a lead or contact write with
 * its event and derived items, so 25 fit in DynamoDB's 100); the rest follow in the background.
 */
export const LINKS_AT_ONCE = 25;

/**
 * How many links fit beside `own` items in one transaction: a moved link takes up to 4 (the
 * record, a link item, a main contact's link, its event).
 */
export const linksThatFit = (own: number, limit = LINKS_AT_ONCE) =>
  Math.max(0, Math.min(limit, Math.floor((MAX_TRANSACTION_ITEMS - 1 - own) / 4)));

/** What a contact's or company's delete or restore does to its links, a batch at a time. */
export interface LinkMoves<Links> {
  /** Takes the record off up to `limit` of the records linked to it; `links` says which, `more` whether others remain. */
  unlink(caller: Caller, id: string, limit: number): Promise<{ writes: Write[]; events: EventDraft[]; links: Links; more: boolean }>;
  /** Links the record again to up to `limit` of those it was linked to (those that still exist and are free); `rest` is what is left. */
  relink(
    caller: Caller,
    id: string,
    links: Links | undefined,
    limit: number,
  ): Promise<{ writes: Write[]; events: EventDraft[]; rest: Links | null }>;
  /** The trash item's links after another batch was unlinked. */
  merge(links: Links | undefined, more: Links): Links;
}
