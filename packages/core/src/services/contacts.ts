// Contacts: create without duplicates (by phone and e-mail), change, list, read their leads,
// delete to the trash with their links, and come back with them.
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch, ListQuery } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { derivedWrites, recordRules } from '../derived/index.ts';
import { findTerms, NAMED_RECORDS_READ, namedRecordIds, phoneLookups } from '../derived/search-terms.ts';
import { nearestOpenTaskAt } from '../derived/nearest-task.ts';
import { peekSharedRead, primeSharedRead } from '../read-memo.ts';
import { linksThatFit, relinkLead, type LinkMoves } from '../derived/relink.ts';
import { stampedRemove, touchingOnce } from '../derived/links.ts';
import { trashWrites } from '../derived/trash-items.ts';
import type { ContactEntity } from '../entities/contact.ts';
import { DomainError } from '../errors.ts';
import { newId, now } from '../ids.ts';
import {
  channelsOf,
  clientMatches,
  clientSortKey,
  filterExpression,
  listedMembers,
  listedOwner,
  orderOf,
  sortIndex,
  type ClientFilters,
} from '../model/clients.ts';
import { toLinkedLead } from '../model/lead.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';
import { dedupeTags } from '../model/records.ts';
import { acceptCursor, byResponsibleIndex, MERGED_MEMBERS, mergedPageOf, namedPageOf, pageOf } from '../page.ts';
import { batchGet, companyExists, contactLinks, contactsByIds, leadsByIds } from '../reads/records.ts';
import { definedOnly, fold } from '../text.ts';
import { aggregate } from '../write/aggregate.ts';
import { diff, put, update, type EventDraft, type Write } from '../write/write.ts';
import { requireAssignable } from './users.ts';
import { stampsOf } from '../model/stamps.ts';

export type ContactItem = EntityItem<typeof ContactEntity>;

export const toContact = (c: ContactItem): Contact => ({
  id: c.contactId,
  name: c.name,
  phones: c.phones,
  emails: c.emails,
  position: c.position ?? null,
  companyId: c.companyId ?? null,
  responsibleUserId: c.responsibleUserId,
  tags: c.tags,
  customFields: (c.customFields ?? {}) as Contact['customFields'],
  nearestTaskAt: c.nearestTaskAt ?? null,
  ...stampsOf(c),
});

const CONTACT_FIELDS = ['name', 'phones', 'emails', 'position', 'companyId', 'responsibleUserId', 'tags', 'customFields'] as const;

/** What a deleted contact was linked to, kept in its trash item. */
export interface ContactTrashLinks {
  leads: { id: string; isMain: boolean }[];
}

const contacts = aggregate({
  type: 'contact',
  label: 'Contact',
  dataKey: 'contact',
  read: async (caller, contactId, consistent) => (await db.contact.get({ accountId: caller.accountId, contactId }).go({ consistent })).data,
  store: {
    create: (item: ContactItem) => put(db.contact.create(item).params()),
    replace: updateContactWrite,
    remove: stampedRemove<ContactItem>(db.contact, (c) => ({ accountId: c.accountId, contactId: c.contactId })),
  },
  toContract: toContact,
  tracked: CONTACT_FIELDS,
  ...recordRules<ContactItem>('contact'),
});

export const getContact = (caller: Caller, contactId: string) => contacts.get(caller, contactId);

// ---- Claims on phones and e-mails ----

type Claim = { kind: 'phone' | 'email'; value: string };
const claimId = (c: Claim) => `${c.kind} ${c.value}`;

const claimsOf = (c: Pick<ContactItem, 'phoneDigits' | 'emailKeys'> | null): Claim[] =>
  c
    ? [
        ...c.phoneDigits.map((value) => ({ kind: 'phone' as const, value })),
        ...c.emailKeys.map((value) => ({ kind: 'email' as const, value })),
      ]
    : [];

function claimChanges(before: ContactItem | null, after: ContactItem | null) {
  const was = new Set(claimsOf(before).map(claimId));
  const is = new Set(claimsOf(after).map(claimId));
  return {
    added: claimsOf(after).filter((c) => !was.has(claimId(c))),
    removed: claimsOf(before).filter((c) => !is.has(claimId(c))),
  };
}

type Channel = Parameters<typeof channelsOf>[0][number];
type ClaimItem = { kind: Claim['kind']; value: string; holders?: Iterable<string> };
const claimRead = (accountId: string, c: Claim) => `claim ${accountId} ${claimId(c)}`;

/** The contacts holding each value, other than `self` (as read in bulk beforehand, `prefetchClaims`, or now). */
async function holdersOf(accountId: string, claims: Claim[], self?: string) {
  const primed = claims.map((c) => peekSharedRead<ClaimItem | null>(claimRead(accountId, c)));
  const found: ClaimItem[] = primed.every(Boolean)
    ? (await Promise.all(primed)).filter((f): f is ClaimItem => !!f)
    : await batchGet(
        (keys) => db.contactClaim.get(keys).go(),
        claims.map((c) => ({ accountId, ...c })),
      );
  return new Map(found.map((f) => [claimId(f), [...(f.holders ?? [])].filter((id) => id !== self).sort()]));
}

/** Reads the claims of many new contacts' phones and e-mails at once (an import's chunk), for the reads they share. */
export async function prefetchClaims(accountId: string, contacts: { phones: Channel[]; emails: Channel[] }[]) {
  const claims = new Map<string, Claim>();
  for (const c of contacts) {
    // A row whose phone is not one is reported by its own create.
    const channels = (() => {
      try {
        return channelsOf(c.phones, c.emails);
      } catch {
        return null;
      }
    })();
    for (const claim of claimsOf(channels)) claims.set(claimId(claim), claim);
  }
  const found = await batchGet(
    (keys) => db.contactClaim.get(keys).go(),
    [...claims.values()].map((c) => ({ accountId, ...c })),
  );
  const held = new Map(found.map((f) => [claimId(f), f]));
  for (const [id, claim] of claims) primeSharedRead(claimRead(accountId, claim), held.get(id) ?? null);
}

/** A phone or e-mail another contact has is a 409 naming that contact (`existingId`). */
async function requireUnclaimed(caller: Caller, contact: ContactItem, claims: Claim[]) {
  if (!claims.length) return;
  const holders = await holdersOf(caller.accountId, claims, contact.contactId);
  for (const claim of claims) {
    const existingId = holders.get(claimId(claim))?.[0];
    if (!existingId) continue;
    const path =
      claim.kind === 'phone'
        ? `phones.${contact.phones.findIndex((p) => phoneDigits(p.value) === claim.value)}.value`
        : `emails.${contact.emails.findIndex((e) => emailKey(e.value) === claim.value)}.value`;
    throw new DomainError(
      'conflict',
      `A contact with this ${claim.kind} exists already`,
      [{ path, message: `belongs to contact ${existingId}` }],
      { existingId },
    );
  }
}

/**
 * Adds the contact to the values it gained and removes it from those it lost. `exclusive`
 * adds only where nobody holds the value: a simultaneous create with the same phone loses
 * the race, retries, and then answers 409.
 */
function claimWrites(accountId: string, contactId: string, added: Claim[], removed: Claim[], exclusive: boolean): Write[] {
  const key = (c: Claim) => ({ accountId, kind: c.kind, value: c.value });
  return [
    ...added.map((c) => {
      const add = db.contactClaim.update(key(c)).add({ holders: [contactId] });
      if (!exclusive) return update(add.params(), undefined, { kind: 'claim' });
      // Exclusive: the claim is made only where nobody holds the value, so it is a new item.
      const newItem = () => db.contactClaim.put({ ...key(c), holders: [contactId] }).params().Item as Record<string, unknown>;
      return update(add.where((a, op) => op.notExists(a.holders)).params(), undefined, { kind: 'claim', newItem });
    }),
    ...removed.map((c) =>
      update(
        db.contactClaim
          .update(key(c))
          .delete({ holders: [contactId] })
          .params(),
      ),
    ),
  ];
}

// ---- Writes ----

export function createContact(
  caller: Caller,
  input: z.output<typeof ContactCreate>,
  query: { allowDuplicate?: boolean },
  options?: WriteOptions,
) {
  return contacts.create(caller, options, async () => {
    const responsibleUserId = input.responsibleUserId ?? caller.userId;
    await requireAssignable(caller, 'contacts', responsibleUserId);
    const at = now();
    const item: ContactItem = {
      accountId: caller.accountId,
      contactId: newId(),
      name: input.name,
      nameFolded: fold(input.name),
      ...channelsOf(input.phones ?? [], input.emails ?? []),
      position: input.position || undefined,
      companyId: input.companyId,
      companyKey: input.companyId ?? '-',
      responsibleUserId,
      tags: dedupeTags(input.tags ?? []),
      customFields: input.customFields ?? {},
      stamp: newId(),
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    if (!query.allowDuplicate) await requireUnclaimed(caller, item, claimsOf(item));
    return { item, writes: claimWrites(caller.accountId, item.contactId, claimsOf(item), [], !query.allowDuplicate) };
  });
}

export function patchContact(
  caller: Caller,
  contactId: string,
  patch: z.output<typeof ContactPatch>,
  query: { allowDuplicate?: boolean },
  options?: WriteOptions,
) {
  return contacts.change(caller, contactId, options, async (current) => {
    if (patch.responsibleUserId && patch.responsibleUserId !== current.responsibleUserId) {
      await requireAssignable(caller, 'contacts', patch.responsibleUserId);
    }
    const changed = { ...current, ...definedOnly(patch) } as ContactItem;
    const companyId = patch.companyId === null ? undefined : changed.companyId;
    const next: ContactItem = {
      ...changed,
      ...channelsOf(changed.phones, changed.emails),
      nameFolded: fold(changed.name),
      tags: dedupeTags(changed.tags),
      position: patch.position === null || patch.position === '' ? undefined : changed.position,
      companyId,
      companyKey: companyId ?? '-',
    };
    const claims = claimChanges(current, next);
    if (!query.allowDuplicate) await requireUnclaimed(caller, next, claims.added);
    return { next, writes: claimWrites(caller.accountId, contactId, claims.added, claims.removed, !query.allowDuplicate) };
  });
}

/**
 * An update of the fields a contact write changes, not a whole-item put: the tasks service
 * sets nearestTaskAt and links set the stamp on the same item meanwhile, and must not be undone.
 */
function updateContactWrite(current: ContactItem, next: ContactItem): Write {
  const set = {
    name: next.name,
    nameFolded: next.nameFolded,
    phones: next.phones,
    emails: next.emails,
    phoneDigits: next.phoneDigits,
    emailKeys: next.emailKeys,
    companyKey: next.companyKey,
    responsibleUserId: next.responsibleUserId,
    tags: next.tags,
    customFields: next.customFields,
    updatedAt: next.updatedAt,
    version: next.version,
    ...(next.position !== undefined && { position: next.position }),
    ...(next.companyId !== undefined && { companyId: next.companyId }),
  };
  const cleared = (['position', 'companyId'] as const).filter((f) => next[f] === undefined);
  return update(
    db.contact
      .patch({ accountId: current.accountId, contactId: current.contactId })
      .set(set)
      .remove([...cleared])
      .where((a, op) => op.eq(a.version, current.version))
      .params(),
  );
}

/** A contact's company changed by the deletion or restoration of that company, in the company's transaction. */
export async function relinkContactToCompany(caller: Caller, current: ContactItem, companyId: string | undefined) {
  const next: ContactItem = { ...current, companyId, companyKey: companyId ?? '-', updatedAt: now(), version: current.version + 1 };
  const contact = toContact(next);
  const event: EventDraft = {
    type: 'contact.updated',
    entity: { type: 'contact', id: current.contactId },
    data: { contact },
    changes: diff(toContact(current), contact, ['companyId']),
  };
  return { writes: [updateContactWrite(current, next), ...(await derivedWrites(caller, 'contact', current, next))], event };
}

/**
 * Moves the contact to the trash at once and takes it off as many of its leads as its own
 * transaction holds; the rest follow in the background (cascades/trash-links.ts), so no number
 * of leads blocks the delete. The leads it left are recorded, to put it back on restore.
 */
export function deleteContact(caller: Caller, contactId: string, options?: WriteOptions) {
  return contacts.destroy(
    caller,
    contactId,
    options,
    async (current) => {
      const claims = claimWrites(caller.accountId, contactId, [], claimsOf(current), false);
      // The contact's own items (its derived ones are added by the aggregate) leave the room for links.
      const own = claims.length + (await derivedWrites(caller, 'contact', current, null)).length + 3;
      const batch = await contactLinkMoves.unlink(caller, contactId, linksThatFit(own));
      const trash = trashWrites(caller, 'contact', contactId, current.name, current, batch.links, batch.more);
      return { writes: [...claims, ...trash, ...batch.writes], events: batch.events };
    },
    { consistent: true },
  );
}

/** Takes a contact off its leads and puts it back, a batch at a time (cascades/trash-links.ts does the rest). */
export const contactLinkMoves: LinkMoves<ContactTrashLinks> = {
  async unlink(caller, contactId, limit) {
    if (limit === 0) return { writes: [], events: [], links: { leads: [] }, more: true };
    const { data: linked, cursor } = await contactLinks(caller.accountId, contactId, { limit, consistent: true });
    const writes: Write[] = [];
    const events: EventDraft[] = [];
    for (const lead of await leadsByIds(
      caller.accountId,
      linked.map((l) => l.leadId),
      true,
    )) {
      const contactIds = lead.contactIds.filter((id) => id !== contactId);
      const mainContactId = lead.mainContactId === contactId ? (contactIds[0] ?? null) : undefined;
      const relinked = await relinkLead(caller, lead, { contactIds, mainContactId });
      writes.push(...relinked.writes);
      events.push(relinked.event);
    }
    return { writes, events, links: { leads: linked.map((l) => ({ id: l.leadId, isMain: l.isMain })) }, more: !!cursor };
  },
  async relink(caller, contactId, links, limit) {
    const wasOn = links?.leads ?? [];
    const batch = wasOn.slice(0, limit);
    const writes: Write[] = [];
    const events: EventDraft[] = [];
    for (const lead of await leadsByIds(
      caller.accountId,
      batch.map((l) => l.id),
      true,
    )) {
      if (lead.contactIds.includes(contactId)) continue;
      const wasMain = batch.some((l) => l.id === lead.leadId && l.isMain) && !lead.mainContactId;
      const relinked = await relinkLead(caller, lead, {
        contactIds: [...lead.contactIds, contactId],
        ...(wasMain && { mainContactId: contactId }),
      });
      writes.push(...relinked.writes);
      events.push(relinked.event);
    }
    const rest = wasOn.slice(limit);
    return { writes: touchingOnce(writes), events, rest: rest.length ? { leads: rest } : null };
  },
  merge: (links, more) => ({ leads: [...(links?.leads ?? []), ...more.leads] }),
};

/** The writes that put a trashed contact back, in its company if it is still there (its leads: cascades/trash.ts). */
export async function restoreContactWrites(caller: Caller, trashed: { item: unknown; links?: unknown }) {
  const item = trashed.item as ContactItem;
  const companyId = item.companyId && (await companyExists(caller.accountId, item.companyId)) ? item.companyId : undefined;
  const nearestTaskAt = await nearestOpenTaskAt(caller.accountId, { type: 'contact', id: item.contactId });
  const restored: ContactItem = {
    ...item,
    companyId,
    companyKey: companyId ?? '-',
    nearestTaskAt,
    stamp: newId(),
    updatedAt: now(),
    version: item.version + 1,
  };
  const contact = toContact(restored);
  const own: Write[] = [
    contacts.spec.store.create(restored),
    // Back as it was, even if another contact took one of its phones meanwhile.
    ...claimWrites(caller.accountId, item.contactId, claimsOf(restored), [], false),
    ...(await derivedWrites(caller, 'contact', null, restored)),
  ];
  return { writes: own, events: [contacts.event('restored', contact)], entity: contact };
}

// ---- Reads ----

export async function listContacts(caller: Caller, query: ContactListQuery) {
  const members = listedMembers(caller, 'contacts', query.responsibleUserId);
  const filters: ClientFilters = {
    q: query.q,
    tag: query.tag,
    phone: query.phone,
    email: query.email,
    companyId: query.companyId,
    responsibleUserId: members ? undefined : listedOwner(caller, 'contacts', query.responsibleUserId),
    members: members ?? undefined,
  };
  const byPhone = query.q ? await phoneHolders(caller.accountId, query.q) : null;
  if (byPhone && !byPhone.length) return { items: [], nextCursor: null };
  // A name: through the search index, the contacts named so read by id, the other filters and
  // the order applied to them. Only a query too common for that walks an index with a filter.
  const named = query.q && !byPhone ? await namedRecordIds(caller.accountId, 'contact', query.q, NAMED_RECORDS_READ) : null;
  if (named) {
    const rest = { ...filters, q: undefined };
    const found = await contactsByIds(caller.accountId, named);
    return namedPageOf(
      caller.accountId,
      found,
      query,
      (c) => clientSortKey(c, c.contactId, query.sort),
      (c) => clientMatches(c, rest),
      toContact,
    );
  }
  // The group's list in creation order, with no narrower index: each member's own index, merged.
  const narrower = byPhone || query.phone !== undefined || query.email !== undefined || query.companyId;
  if (members && !narrower && sortIndex(query.sort) === 'byId' && members.length <= MERGED_MEMBERS) {
    const { accountId } = caller;
    const own = new Set<keyof ClientFilters>(['responsibleUserId', 'members']);
    return mergedPageOf(
      accountId,
      members,
      (m) => (o) =>
        db.contact.query
          .byResponsible({ accountId, responsibleUserId: m })
          .where((a, op) => filterExpression(a, op, filters, own))
          .go({ ...o, order: orderOf(query.sort) }),
      byResponsibleIndex(db.contact),
      orderOf(query.sort),
      query,
      toContact,
    );
  }
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { access, answered } = await contactAccess(caller.accountId, query.sort, filters, byPhone);
  if (!access) return { items: [], nextCursor: null };
  const only = (a: Record<string, any>, op: Record<'eq', (x: any, v: string) => string>) =>
    byPhone ? [`(${byPhone.map((id) => op.eq(a.contactId, id)).join(' OR ')})`] : [];
  return pageOf(
    (o) =>
      access
        .where((a, op) => [filterExpression(a, op, filters, answered), ...only(a, op)].filter(Boolean).join(' AND '))
        .go({ ...o, order: orderOf(query.sort) }),
    { limit: query.limit, cursor },
    toContact,
  );
}

/**
 * The one index a page is read from: the sort's; for the default order, the narrowest
 * filter's. A phone or e-mail is looked up in its claim first, which bounds the Query to
 * the key range of the contacts holding it.
 */
async function contactAccess(accountId: string, sort: ContactListQuery['sort'], f: ClientFilters, byPhone: string[] | null) {
  const q = db.contact.query;
  const answered = new Set<keyof ClientFilters>();
  if (byPhone) answered.add('q');
  const index = sortIndex(sort);
  if (index === 'byName') return { access: q.byName({ accountId }), answered };
  if (index === 'byUpdated') return { access: q.byUpdated({ accountId }), answered };
  if (index === 'byNearestTask') return { access: q.byNearestTask({ accountId }), answered };
  if (f.phone !== undefined || f.email !== undefined) {
    const claims: Claim[] = [];
    if (f.phone !== undefined) claims.push({ kind: 'phone', value: phoneDigits(f.phone) });
    if (f.email !== undefined) claims.push({ kind: 'email', value: emailKey(f.email) });
    if (claims.some((c) => !c.value)) return { access: null, answered };
    const holders = [...(await holdersOf(accountId, claims)).values()];
    const both = claims.length === holders.length ? holders.reduce((a, b) => a.filter((id) => b.includes(id))) : [];
    if (!both.length) return { access: null, answered };
    return { access: q.byId({ accountId }).between({ contactId: both[0]! }, { contactId: both.at(-1)! }), answered };
  }
  if (byPhone) return { access: q.byId({ accountId }).between({ contactId: byPhone[0]! }, { contactId: byPhone.at(-1)! }), answered };
  if (f.companyId) return (answered.add('companyId'), { access: q.byCompany({ accountId, companyKey: f.companyId }), answered });
  if (f.responsibleUserId) {
    return (
      answered.add('responsibleUserId'),
      { access: q.byResponsible({ accountId, responsibleUserId: f.responsibleUserId }), answered }
    );
  }
  return { access: q.byId({ accountId }), answered };
}

/** Contacts the search box means by a phone fragment ("916", "916 123", "4567"), through the search index; null when `q` is no phone. */
async function phoneHolders(accountId: string, q: string) {
  const lookups = phoneLookups(q);
  if (!lookups.length) return null;
  const found = await Promise.all(lookups.map(({ field, prefix }) => findTerms(accountId, 'contact', field, prefix, PHONE_HOLDERS)));
  return [...new Set(found.flat().map((t) => t.recordId))].sort().slice(0, PHONE_HOLDERS);
}
/** A phone fragment narrows the list to at most this many contacts (one FilterExpression of ids). */
const PHONE_HOLDERS = 100;

/** `GET /contacts/{id}/leads`: one Query on the contact's link items, each with its lead's snapshot. */
export async function listContactLeads(caller: Caller, contactId: string, query: z.output<typeof ListQuery>) {
  await getContact(caller, contactId);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => contactLinks(caller.accountId, contactId, o), { limit: query.limit, cursor }, toLinkedLead);
}
