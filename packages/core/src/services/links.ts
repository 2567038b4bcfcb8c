// Links between leads, contacts and companies: the contact->lead link items and the checks
// that linked ids exist (both registered in hooks.ts), the reads of links, and the lead
// re-linking that deleting or restoring a contact or company does in its own transaction.
import type { EntityItem } from 'electrodb';
import type { Lead, LeadListQuery, LinkedLead } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { LeadEntity } from '../entities/lead.ts';
import { conflict, invalid, type FieldError } from '../errors.ts';
import { derivedWrites, type RecordKind, type Stored } from '../hooks.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor } from '../page.ts';
import { fold } from '../text.ts';
import { diff, put, remove, update, type EventDraft, type Write } from '../write.ts';
import { toLead } from './leads.ts';

type LeadItem = EntityItem<typeof LeadEntity>;

const idsOf = (record: Stored | null, field: string) => (record?.[field] as string[] | undefined) ?? [];
const idOf = (record: Stored | null, field: string) => (record?.[field] as string | undefined) ?? undefined;

/** Lead fields copied onto its link items (what a contact's card lists). */
const SNAPSHOT = ['name', 'price', 'pipelineId', 'stageId', 'status'] as const;

// ---- Reading several records by id ----

/** BatchGet, retrying the keys DynamoDB left unprocessed; absent records are simply missing. */
export async function batchGet<K, T>(run: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>, keys: K[]): Promise<T[]> {
  const found: T[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const { data, unprocessed } = await run(pending);
    found.push(...data);
    pending = unprocessed;
  }
  if (pending.length) throw new Error('DynamoDB left keys of a BatchGet unprocessed');
  return found;
}

/** ElectroDB's batch get takes at most 100 keys per call; ours are capped far below. */
export const leadsByIds = (accountId: string, ids: string[]) =>
  ids.length ? batchGet((keys) => db.lead.get(keys).go(), ids.map((leadId) => ({ accountId, leadId }))) : Promise.resolve([]);

export const contactsByIds = (accountId: string, ids: string[]) =>
  ids.length ? batchGet((keys) => db.contact.get(keys).go(), ids.map((contactId) => ({ accountId, contactId }))) : Promise.resolve([]);

export async function companyExists(accountId: string, companyId: string) {
  return !!(await db.company.get({ accountId, companyId }).go()).data;
}

// ---- The hooks ----

/** Writes that make a record's `stamp` change: its delete, if based on an older read, fails. */
const touches = new WeakMap<Write, string>();

function touch(kind: 'contact' | 'company', accountId: string, id: string, path: string): Write {
  const key = kind === 'contact' ? db.contact.patch({ accountId, contactId: id }) : db.company.patch({ accountId, companyId: id });
  // patch() adds attribute_exists: a record deleted since the check fails the whole write.
  const write = update(key.set({ stamp: newId() }).params(), () => invalid(`No such ${kind}`, [{ path, message: `unknown ${kind}` }]));
  touches.set(write, `${kind}#${id}`);
  return write;
}

/**
 * Drops the stamp writes on a record that the same transaction puts back itself (restoring
 * a contact re-links its leads, whose hooks would touch it): one item, one operation.
 */
export const withoutTouchesOf = (kind: 'contact' | 'company', id: string, writes: Write[]) =>
  writes.filter((w) => touches.get(w) !== `${kind}#${id}`);

/**
 * The `derivedWrites` contributor: a lead's link items follow its contactIds (and carry a
 * snapshot of it), and every newly linked contact or company is touched, which also proves
 * it still exists when the write commits. A function declaration: hooks.ts lists it while
 * this module may still be loading (leads.ts imports hooks.ts).
 */
export function linkWrites(caller: Caller, kind: RecordKind, before: Stored | null, after: Stored | null): Write[] {
  const writes: Write[] = [];
  const { accountId } = caller;
  if (kind === 'lead') {
    const leadId = (after ?? before)!.leadId as string;
    const was = idsOf(before, 'contactIds');
    const is = idsOf(after, 'contactIds');
    const snapshotChanged = !before || !after || SNAPSHOT.some((f) => before[f] !== after[f]);
    for (const contactId of is) {
      const isMain = after!.mainContactId === contactId;
      const linked = was.includes(contactId);
      if (!linked || snapshotChanged || (before!.mainContactId === contactId) !== isMain) {
        const snapshot = Object.fromEntries(SNAPSHOT.map((f) => [f, after![f]])) as Pick<LeadItem, (typeof SNAPSHOT)[number]>;
        writes.push(put(db.contactLead.put({ accountId, contactId, leadId, ...snapshot, isMain }).params()));
      }
      if (!linked) writes.push(touch('contact', accountId, contactId, contactId === after!.mainContactId ? 'mainContactId' : 'contactIds'));
    }
    for (const contactId of was.filter((id) => !is.includes(id))) {
      writes.push(remove(db.contactLead.delete({ accountId, contactId, leadId }).params()));
    }
  }
  const companyId = idOf(after, 'companyId');
  if (kind !== 'company' && companyId && companyId !== idOf(before, 'companyId')) {
    writes.push(touch('company', accountId, companyId, 'companyId'));
  }
  return writes;
}

/** The `checkRecord` contributor: contacts and a company newly linked must exist in the account (400 on the field). */
export async function checkLinks(caller: Caller, kind: RecordKind, after: Stored, before: Stored | null): Promise<void> {
  const errors: FieldError[] = [];
  if (kind === 'lead') {
    const was = idsOf(before, 'contactIds');
    const ids = idsOf(after, 'contactIds');
    const fresh = ids.filter((id) => !was.includes(id));
    const found = new Set((await contactsByIds(caller.accountId, fresh)).map((c) => c.contactId));
    ids.forEach((id, i) => {
      if (!fresh.includes(id) || found.has(id)) return;
      const path = id === after.mainContactId ? 'mainContactId' : `contactIds.${i}`;
      errors.push({ path, message: 'unknown contact' });
    });
  }
  const companyId = idOf(after, 'companyId');
  if (kind !== 'company' && companyId && companyId !== idOf(before, 'companyId') && !(await companyExists(caller.accountId, companyId))) {
    errors.push({ path: 'companyId', message: 'unknown company' });
  }
  if (errors.length) throw invalid('A linked record does not exist', errors);
}

// ---- Reading links ----

export const toLinkedLead = (l: { leadId: string; name: string; price: number; pipelineId: string; stageId: string; status: LinkedLead['status']; isMain: boolean }): LinkedLead => ({
  id: l.leadId, name: l.name, price: l.price, pipelineId: l.pipelineId, stageId: l.stageId, status: l.status, isMain: l.isMain,
});

/** A contact's links, newest lead first: one Query on the link items under the contact. */
export const contactLinks = (accountId: string, contactId: string, opts: { limit: number; cursor?: string; order?: 'asc' | 'desc'; consistent?: boolean }) =>
  db.contactLead.query.byContact({ accountId, contactId }).go({ order: 'desc', ...opts });

/**
 * `GET /leads?contactId=` in creation order: the contact's link items are the index (one
 * Query per page), its leads one BatchGet; the list's other filters apply to that page.
 */
export async function leadsOfContactPage(caller: Caller, query: LeadListQuery) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const order = query.sort.startsWith('-') ? 'desc' : 'asc';
  const links = await contactLinks(caller.accountId, query.contactId!, { limit: query.limit, cursor, order });
  const ids = links.data.map((l) => l.leadId);
  const byId = new Map((await leadsByIds(caller.accountId, ids)).map((l) => [l.leadId, toLead(l)]));
  const items = ids.map((id) => byId.get(id)).filter((l): l is Lead => !!l && matches(l, query));
  return { items, nextCursor: links.cursor ?? null };
}

function matches(l: Lead, q: LeadListQuery) {
  return (!q.pipelineId || l.pipelineId === q.pipelineId) && (!q.stageId || l.stageId === q.stageId)
    && (!q.status || l.status === q.status) && (!q.responsibleUserId || l.responsibleUserId === q.responsibleUserId)
    && (!q.companyId || l.companyId === q.companyId) && (!q.tag || l.tags.includes(q.tag))
    && (!q.q || fold(l.name).includes(fold(q.q)))
    && (!q.createdFrom || l.createdAt >= q.createdFrom) && (!q.createdTo || l.createdAt <= q.createdTo);
}

// ---- Re-linking leads when a contact or company leaves or comes back ----

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

/** DynamoDB takes at most 100 items in one transaction (one is kept for an idempotency record). */
const MAX_TRANSACTION_ITEMS = 100;

/** The records a deleted record is unlinked from are read up to this many; more cannot fit one transaction anyway. */
export const MAX_LINKS_READ = 100;

export const tooManyLinks = () => conflict('The record has too many links to move in one step; unlink some leads or contacts first');

/** A record with more links than one transaction holds cannot leave or come back at once: a 409, nothing changed. */
export function requireOneTransaction(writes: Write[], events: EventDraft[]) {
  if (writes.length + events.length + 1 > MAX_TRANSACTION_ITEMS) throw tooManyLinks();
}
