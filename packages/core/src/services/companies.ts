// Companies: create, change, list, read their contacts and leads, delete to the trash with
// their links (leads and contacts are left without a company), and come back with them.
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { Company, CompanyCreate, CompanyListQuery, CompanyPatch, LeadListQuery, ListQuery } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { derivedWrites, recordRules } from '../derived/index.ts';
import { NAMED_RECORDS_READ, namedRecordIds } from '../derived/search-terms.ts';
import { stampedRemove, touchingOnce } from '../derived/links.ts';
import { nearestOpenTaskAt } from '../derived/nearest-task.ts';
import { linksThatFit, relinkLead, type LinkMoves } from '../derived/relink.ts';
import { trashWrites } from '../derived/trash-items.ts';
import type { CompanyEntity } from '../entities/company.ts';
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
import { dedupeTags } from '../model/records.ts';
import { acceptCursor, byResponsibleIndex, MERGED_MEMBERS, mergedPageOf, namedPageOf, pageOf } from '../page.ts';
import { companiesByIds, contactsByIds, leadsByIds } from '../reads/records.ts';
import { definedOnly, fold } from '../text.ts';
import { aggregate } from '../write/aggregate.ts';
import { put, update, type Write } from '../write/write.ts';
import { listContacts, relinkContactToCompany } from './contacts.ts';
import { listLeads } from './leads.ts';
import { requireAssignable } from './users.ts';
import { stampsOf } from '../model/stamps.ts';

export type CompanyItem = EntityItem<typeof CompanyEntity>;

export const toCompany = (c: CompanyItem): Company => ({
  id: c.companyId,
  name: c.name,
  phones: c.phones,
  emails: c.emails,
  website: c.website ?? null,
  address: c.address ?? null,
  responsibleUserId: c.responsibleUserId,
  tags: c.tags,
  customFields: (c.customFields ?? {}) as Company['customFields'],
  nearestTaskAt: c.nearestTaskAt ?? null,
  ...stampsOf(c),
});

const COMPANY_FIELDS = ['name', 'phones', 'emails', 'website', 'address', 'responsibleUserId', 'tags', 'customFields'] as const;

/** What a deleted company was linked to, kept in its trash item. */
export interface CompanyTrashLinks {
  leadIds: string[];
  contactIds: string[];
}

const companies = aggregate({
  type: 'company',
  label: 'Company',
  dataKey: 'company',
  read: async (caller, companyId, consistent) => (await db.company.get({ accountId: caller.accountId, companyId }).go({ consistent })).data,
  store: {
    create: (item: CompanyItem) => put(db.company.create(item).params()),
    replace: updateCompanyWrite,
    remove: stampedRemove<CompanyItem>(db.company, (c) => ({ accountId: c.accountId, companyId: c.companyId })),
  },
  toContract: toCompany,
  tracked: COMPANY_FIELDS,
  ...recordRules<CompanyItem>('company'),
});

export const getCompany = (caller: Caller, companyId: string) => companies.get(caller, companyId);

const cleared = (value: string | null | undefined, current: string | undefined) =>
  value === null || value === '' ? undefined : (value ?? current);

export function createCompany(caller: Caller, input: z.output<typeof CompanyCreate>, options?: WriteOptions) {
  return companies.create(caller, options, async () => {
    const responsibleUserId = input.responsibleUserId ?? caller.userId;
    await requireAssignable(caller, 'companies', responsibleUserId);
    const at = now();
    const { emailKeys: _, ...channels } = channelsOf(input.phones ?? [], input.emails ?? []);
    const item: CompanyItem = {
      accountId: caller.accountId,
      companyId: newId(),
      name: input.name,
      nameFolded: fold(input.name),
      ...channels,
      website: input.website || undefined,
      address: input.address || undefined,
      responsibleUserId,
      tags: dedupeTags(input.tags ?? []),
      customFields: input.customFields ?? {},
      stamp: newId(),
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    return { item };
  });
}

export function patchCompany(caller: Caller, companyId: string, patch: z.output<typeof CompanyPatch>, options?: WriteOptions) {
  return companies.change(caller, companyId, options, async (current) => {
    if (patch.responsibleUserId && patch.responsibleUserId !== current.responsibleUserId) {
      await requireAssignable(caller, 'companies', patch.responsibleUserId);
    }
    const changed = { ...current, ...definedOnly(patch) } as CompanyItem;
    const { emailKeys: _, ...channels } = channelsOf(changed.phones, changed.emails);
    const next: CompanyItem = {
      ...changed,
      ...channels,
      nameFolded: fold(changed.name),
      tags: dedupeTags(changed.tags),
      website: cleared(patch.website, current.website),
      address: cleared(patch.address, current.address),
    };
    return { next };
  });
}

/** An update, not a put: nearestTaskAt and the link stamp are set by others meanwhile. */
function updateCompanyWrite(current: CompanyItem, next: CompanyItem): Write {
  const set = {
    name: next.name,
    nameFolded: next.nameFolded,
    phones: next.phones,
    emails: next.emails,
    phoneDigits: next.phoneDigits,
    responsibleUserId: next.responsibleUserId,
    tags: next.tags,
    customFields: next.customFields,
    updatedAt: next.updatedAt,
    version: next.version,
    ...(next.website !== undefined && { website: next.website }),
    ...(next.address !== undefined && { address: next.address }),
  };
  const removed = (['website', 'address'] as const).filter((f) => next[f] === undefined);
  return update(
    db.company
      .patch({ accountId: current.accountId, companyId: current.companyId })
      .set(set)
      .remove([...removed])
      .where((a, op) => op.eq(a.version, current.version))
      .params(),
  );
}

/**
 * Moves the company to the trash at once; its leads and contacts keep existing, without a
 * company: as many as its own transaction holds at once, the rest in the background
 * (cascades/trash-links.ts). Which ones is recorded, to link them again on restore.
 */
export function deleteCompany(caller: Caller, companyId: string, options?: WriteOptions) {
  return companies.destroy(
    caller,
    companyId,
    options,
    async (current) => {
      // The company's own items (its derived ones are added by the aggregate) leave the room for links.
      const own = (await derivedWrites(caller, 'company', current, null)).length + 3;
      const batch = await companyLinkMoves.unlink(caller, companyId, linksThatFit(own));
      const trash = trashWrites(caller, 'company', companyId, current.name, current, batch.links, batch.more);
      return { writes: [...trash, ...batch.writes], events: batch.events };
    },
    { consistent: true },
  );
}

/** Takes a company off its leads and contacts and puts it back, a batch at a time. */
export const companyLinkMoves: LinkMoves<CompanyTrashLinks> = {
  async unlink(caller, companyId, limit) {
    const { accountId } = caller;
    if (limit === 0) return { writes: [], events: [], links: { leadIds: [], contactIds: [] }, more: true };
    // The index may lag behind a batch just moved: the records are read again and only those still in the company move.
    const [leads, contacts] = await Promise.all([
      db.lead.query.byCompany({ accountId, companyKey: companyId }).go({ limit, attributes: ['leadId'] }),
      db.contact.query.byCompany({ accountId, companyKey: companyId }).go({ limit, attributes: ['contactId'] }),
    ]);
    const leadsNow = (
      await leadsByIds(
        accountId,
        leads.data.map((l) => l.leadId),
        true,
      )
    ).filter((l) => l.companyId === companyId);
    const contactsStill = (
      await contactsByIds(
        accountId,
        contacts.data.map((c) => c.contactId),
        true,
      )
    ).filter((c) => c.companyId === companyId);
    const contactsNow = contactsStill.slice(0, Math.max(0, limit - leadsNow.length));
    const moved = [
      ...(await Promise.all(leadsNow.map((lead) => relinkLead(caller, lead, { companyId: null })))),
      ...(await Promise.all(contactsNow.map((contact) => relinkContactToCompany(caller, contact, undefined)))),
    ];
    return {
      writes: moved.flatMap((m) => m.writes),
      events: moved.map((m) => m.event),
      links: { leadIds: leadsNow.map((l) => l.leadId), contactIds: contactsNow.map((c) => c.contactId) },
      more: !!leads.cursor || !!contacts.cursor || contactsNow.length < contactsStill.length,
    };
  },
  async relink(caller, companyId, links, limit) {
    const { leadIds = [], contactIds = [] } = links ?? {};
    const { accountId } = caller;
    const leadBatch = leadIds.slice(0, limit);
    const contactBatch = contactIds.slice(0, limit - leadBatch.length);
    const [leads, contacts] = await Promise.all([leadsByIds(accountId, leadBatch, true), contactsByIds(accountId, contactBatch, true)]);
    const moved = [
      ...(await Promise.all(leads.filter((l) => !l.companyId).map((lead) => relinkLead(caller, lead, { companyId })))),
      ...(await Promise.all(contacts.filter((c) => !c.companyId).map((contact) => relinkContactToCompany(caller, contact, companyId)))),
    ];
    const rest = { leadIds: leadIds.slice(leadBatch.length), contactIds: contactIds.slice(contactBatch.length) };
    return {
      writes: touchingOnce(moved.flatMap((m) => m.writes)),
      events: moved.map((m) => m.event),
      rest: rest.leadIds.length + rest.contactIds.length ? rest : null,
    };
  },
  merge: (links, more) => ({
    leadIds: [...(links?.leadIds ?? []), ...more.leadIds],
    contactIds: [...(links?.contactIds ?? []), ...more.contactIds],
  }),
};

/** The writes that put a trashed company back (its leads and contacts: cascades/trash.ts). */
export async function restoreCompanyWrites(caller: Caller, trashed: { item: unknown; links?: unknown }) {
  const item = trashed.item as CompanyItem;
  const nearestTaskAt = await nearestOpenTaskAt(caller.accountId, { type: 'company', id: item.companyId });
  const restored: CompanyItem = { ...item, nearestTaskAt, stamp: newId(), updatedAt: now(), version: item.version + 1 };
  const company = toCompany(restored);
  const own: Write[] = [companies.spec.store.create(restored), ...(await derivedWrites(caller, 'company', null, restored))];
  return { writes: own, events: [companies.event('restored', company)], entity: company };
}

// ---- Reads ----

export async function listCompanies(caller: Caller, query: CompanyListQuery) {
  const members = listedMembers(caller, 'companies', query.responsibleUserId);
  const filters: ClientFilters = {
    q: query.q,
    tag: query.tag,
    responsibleUserId: members ? undefined : listedOwner(caller, 'companies', query.responsibleUserId),
    members: members ?? undefined,
  };
  const { accountId } = caller;
  // Through the search index, as contacts' and leads' `q` (services/contacts.ts).
  const named = query.q ? await namedRecordIds(accountId, 'company', query.q, NAMED_RECORDS_READ) : null;
  if (named) {
    const rest = { ...filters, q: undefined };
    const found = await companiesByIds(accountId, named);
    return namedPageOf(
      accountId,
      found,
      query,
      (c) => clientSortKey(c, c.companyId, query.sort),
      (c) => clientMatches(c, rest),
      toCompany,
    );
  }
  const q = db.company.query;
  const index = sortIndex(query.sort);
  const order = orderOf(query.sort);
  // The group's list in creation order: each member's own index, merged.
  if (members && index === 'byId' && members.length <= MERGED_MEMBERS) {
    const own = new Set<keyof ClientFilters>(['responsibleUserId', 'members']);
    return mergedPageOf(
      accountId,
      members,
      (m) => (o) =>
        q
          .byResponsible({ accountId, responsibleUserId: m })
          .where((a, op) => filterExpression(a, op, filters, own))
          .go({ ...o, order }),
      byResponsibleIndex(db.company),
      order,
      query,
      toCompany,
    );
  }
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const answered = new Set<keyof ClientFilters>();
  const access =
    index === 'byName'
      ? q.byName({ accountId })
      : index === 'byUpdated'
        ? q.byUpdated({ accountId })
        : index === 'byNearestTask'
          ? q.byNearestTask({ accountId })
          : filters.responsibleUserId
            ? (answered.add('responsibleUserId'), q.byResponsible({ accountId, responsibleUserId: filters.responsibleUserId }))
            : q.byId({ accountId });
  return pageOf(
    (o) => access.where((a, op) => filterExpression(a, op, filters, answered)).go({ ...o, order }),
    { limit: query.limit, cursor },
    toCompany,
  );
}

/** `GET /companies/{id}/contacts`, newest first: one Query on the contacts' company index. */
export async function listCompanyContacts(caller: Caller, companyId: string, query: z.output<typeof ListQuery>) {
  await getCompany(caller, companyId);
  return listContacts(caller, { ...query, companyId, sort: '-createdAt' });
}

/** `GET /companies/{id}/leads`, newest first: one Query on the leads' company index. */
export async function listCompanyLeads(caller: Caller, companyId: string, query: z.output<typeof ListQuery>) {
  await getCompany(caller, companyId);
  return listLeads(caller, { ...query, companyId, sort: '-createdAt' } satisfies LeadListQuery);
}
