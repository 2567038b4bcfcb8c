// Re-linking leads when a contact or company leaves or comes back: each lead changes in the
// transaction of the record that leaves or returns, with its own event and derived items.
import type { Caller } from '../context.ts';
import { conflict } from '../errors.ts';
import { now } from '../ids.ts';
import { db } from '../db.ts';
import { toLead, type LeadItem } from '../model/lead.ts';
import { diff, MAX_TRANSACTION_ITEMS, update, type EventDraft, type Write } from '../write/write.ts';
import { derivedWrites } from './index.ts';

export interface LeadLinkChange { contactIds?: string[]; mainContactId?: string | null; companyId?: string | null }

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
    update(db.lead.patch({ accountId: caller.accountId, leadId: lead.leadId })
      .set(set).remove(cleared)
      .where((a, op) => op.eq(a.version, lead.version)).params()),
    ...(await derivedWrites(caller, 'lead', lead, next)),
  ];
  const after = toLead(next);
  const changes = diff(toLead(lead), after, ['contactIds', 'mainContactId', 'companyId']);
  const event: EventDraft = { type: 'lead.updated', entity: { type: 'lead', id: lead.leadId }, data: { lead: after }, changes };
  return { writes, event };
}

/** The records a deleted record is unlinked from are read up to this many; more cannot fit one transaction anyway. */
export const MAX_LINKS_READ = 100;

export const tooManyLinks = () => conflict('The record has too many links to move in one step; unlink some leads or contacts first');

/** A record with more links than one transaction holds cannot leave or come back at once: a 409, nothing changed. */
export function requireOneTransaction(writes: Write[], events: EventDraft[]) {
  // One item is kept for an idempotency record.
  if (writes.length + events.length + 1 > MAX_TRANSACTION_ITEMS) throw tooManyLinks();
}
