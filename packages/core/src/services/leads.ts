// Leads: create, change, move between stages and pipelines, win, lose, list, trash.
import type { z } from 'zod';
import type { Change, Lead, LeadCreate, LeadListQuery, LeadPatch, Pipeline } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { checkRecord, derivedWrites, recordRules } from '../derived/index.ts';
import { dayCounterWrites, stageCounterWrites } from '../derived/counters.ts';
import { nearestOpenTaskAt } from '../derived/nearest-task.ts';
import { accountTimeZone, leadTallyWrites, markStageEntry } from '../derived/analytics-counters.ts';
import { trashWrites } from '../derived/trash-items.ts';
import { moneyKey } from '../entities/base.ts';
import { conflict, notFound } from '../errors.ts';
import { idBounds, newId, now } from '../ids.ts';
import { checkLeadContacts, LEAD_FIELDS, statusFor, toLead, type LeadItem } from '../model/lead.ts';
import { dedupeTags } from '../model/records.ts';
import { listedMembers, listedOwner, oneOf } from '../model/clients.ts';
import { acceptCursor, byResponsibleIndex, MERGED_MEMBERS, mergedPageOf, namedPageOf, pageOf, type PageRead } from '../page.ts';
import { contactLinks, leadsByIds } from '../reads/records.ts';
import { NAMED_RECORDS_READ, namedRecordIds } from '../derived/search-terms.ts';
import { definedOnly, fold } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { put, RaceLost, type EventDraft, type Write } from '../write/write.ts';
import { judged } from '../write/definitions.ts';
import { allPipelines, keptPipelinesOf, pipelineUnchanged } from './pipelines.ts';
import { requireAssignable } from './users.ts';

/** What a lead's transaction keeps in step, whatever the change: its stage's totals and derived items. */
const recordWrites = async (caller: Caller, before: LeadItem | null, after: LeadItem | null): Promise<Write[]> => [
  ...stageCounterWrites(before, after),
  ...(await derivedWrites(caller, 'lead', before, after)),
];

const leads = aggregate({
  type: 'lead',
  label: 'Lead',
  dataKey: 'lead',
  read: async (caller, leadId, consistent) => (await db.lead.get({ accountId: caller.accountId, leadId }).go({ consistent })).data,
  store: {
    ...entityStore<LeadItem>(db.lead, (l) => ({ accountId: l.accountId, leadId: l.leadId })),
    // The nearest task is kept by task changes meanwhile: the put carries the value it read.
    replace: (current, next) =>
      put(
        db.lead
          .put(next)
          .where((a, op) =>
            [
              op.eq(a.version, current.version),
              current.nearestTaskAt === undefined ? op.notExists(a.nearestTaskAt) : op.eq(a.nearestTaskAt, current.nearestTaskAt),
            ].join(' AND '),
          )
          .params(),
        () => new RaceLost() as never,
      ),
  },
  toContract: toLead,
  tracked: LEAD_FIELDS,
  ...recordRules<LeadItem>('lead'),
  check: async (caller, after, before) => {
    checkLeadContacts(after);
    await checkRecord(caller, 'lead', after, before);
  },
  alongside: async (caller, before, after) => [
    ...(await recordWrites(caller, before, after)),
    ...dayCounterWrites(before, after),
    // analytics: the reports' counters (derived/analytics-counters.ts)
    ...leadTallyWrites(caller.accountId, await accountTimeZone(caller.accountId), before, after),
  ],
  alsoEvents: (before, after, changes) => [...stageChangedEvent(before, after, changes), ...closingEvent(before, after)],
});

export const getLead = (caller: Caller, leadId: string) => leads.get(caller, leadId);

/** Where a lead lands among the account's pipelines: the pipeline and stage asked for, or the default pipeline's first stage. */
function placementIn(pipelines: Pipeline[], pipelineId?: string, stageId?: string) {
  const pipeline = pipelineId ? pipelines.find((p) => p.id === pipelineId) : pipelines[0];
  if (!pipeline) throw pipelineId ? notFound('Pipeline') : conflict('The account has no pipeline');
  const stage = stageId ? pipeline.stages.find((s) => s.id === stageId) : pipeline.stages[0];
  if (!stage) throw conflict('The stage does not belong to the pipeline', { pipelineId: pipeline.id, stageId });
  return { pipeline, stage };
}

/**
 * Placement for a create or a change, judged by the warm Lambda's copy of the pipelines: the
 * transaction checks that copy is current (write/definitions.ts), and a refusal by a copy gone
 * stale is tried again from fresh reads. A stage being removed (cascades/stage-removal.ts)
 * takes no new leads; those in it may still change.
 */
const placement = (caller: Caller, pipelineId?: string, stageId?: string, currentStageId?: string) =>
  judged(caller, async () => {
    const placed = placementIn(await keptPipelinesOf(caller), pipelineId, stageId);
    if (placed.stage.movingTo && placed.stage.id !== currentStageId)
      throw conflict('The stage is being removed', { stageId: placed.stage.id });
    return placed;
  });

function stageChangedEvent(before: Lead | null, after: Lead, changes: Change[]): EventDraft[] {
  if (!before || before.stageId === after.stageId) return [];
  return [
    {
      type: 'lead.stage_changed',
      entity: { type: 'lead', id: after.id },
      data: { lead: after },
      changes: changes.filter((c) => ['pipelineId', 'stageId', 'status'].includes(c.field)),
    },
  ];
}

function closingEvent(before: Lead | null, after: Lead): EventDraft[] {
  if (after.status === 'open' || before?.status === after.status) return [];
  const data = { lead: after, lossReason: after.lossReason };
  return [{ type: after.status === 'won' ? 'lead.won' : 'lead.lost', entity: { type: 'lead', id: after.id }, data }];
}

export function createLead(caller: Caller, input: z.output<typeof LeadCreate>, options?: WriteOptions) {
  return leads.create(caller, options, async () => {
    const { pipeline, stage } = await placement(caller, input.pipelineId, input.stageId);
    const responsibleUserId = input.responsibleUserId ?? caller.userId;
    await requireAssignable(caller, 'leads', responsibleUserId);
    const at = now();
    const item: LeadItem = {
      accountId: caller.accountId,
      leadId: newId(),
      name: input.name,
      nameFolded: fold(input.name),
      price: input.price ?? 0,
      priceKey: moneyKey(input.price ?? 0),
      pipelineId: pipeline.id,
      stageId: stage.id,
      ...statusFor(stage.type),
      responsibleUserId,
      contactIds: input.contactIds ?? [],
      mainContactId: input.mainContactId,
      companyId: input.companyId,
      tags: dedupeTags(input.tags ?? []),
      customFields: input.customFields ?? {},
      lossReason: stage.type === 'lost' ? input.lossReason : undefined,
      source: input.source,
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    markStageEntry(null, item, pipeline, at); // analytics
    return { item };
  });
}

export function patchLead(caller: Caller, leadId: string, patch: z.output<typeof LeadPatch>, options?: WriteOptions) {
  return leads.change(caller, leadId, options, async (current) => {
    const moving = patch.stageId !== undefined || (patch.pipelineId !== undefined && patch.pipelineId !== current.pipelineId);
    const { pipeline, stage } = await placement(
      caller,
      patch.pipelineId ?? current.pipelineId,
      patch.stageId ?? (moving ? undefined : current.stageId),
      current.stageId,
    );
    if (patch.responsibleUserId && patch.responsibleUserId !== current.responsibleUserId) {
      await requireAssignable(caller, 'leads', patch.responsibleUserId);
    }
    const changed = { ...current, ...definedOnly(patch) } as LeadItem;
    const next: LeadItem = {
      ...changed,
      mainContactId: patch.mainContactId === null ? undefined : changed.mainContactId,
      companyId: patch.companyId === null ? undefined : changed.companyId,
      source: patch.source === null ? undefined : changed.source,
      nameFolded: fold(changed.name),
      priceKey: moneyKey(changed.price),
      tags: dedupeTags(changed.tags),
      pipelineId: pipeline.id,
      stageId: stage.id,
      ...statusFor(stage.type, current),
      lossReason: stage.type === 'lost' ? (patch.lossReason === null ? undefined : changed.lossReason) : undefined,
    };
    markStageEntry(current, next, pipeline, now()); // analytics
    return { next };
  });
}

export function deleteLead(caller: Caller, leadId: string, options?: WriteOptions) {
  return leads.destroy(caller, leadId, options, (current) => ({
    writes: trashWrites(caller, 'lead', leadId, current.name, current),
  }));
}

/** Puts a lead back from the trash as it was, counted again in its stage. */
export async function restoreLeadWrites(caller: Caller, item: LeadItem) {
  // Its stage may be gone meanwhile: then the default pipeline's first stage takes it. Read
  // afresh and checked by the pipeline's version, as a restore is rare.
  const pipelines = await allPipelines(caller);
  const found = (() => {
    try {
      return placementIn(pipelines, item.pipelineId, item.stageId);
    } catch {
      return placementIn(pipelines);
    }
  })();
  const { pipeline } = found;
  // A stage being removed sends its leads on: so does it to one coming back.
  const stage = (found.stage.movingTo && pipeline.stages.find((s) => s.id === found.stage.movingTo)) || found.stage;
  const nearestTaskAt = await nearestOpenTaskAt(caller.accountId, { type: 'lead', id: item.leadId });
  const restored = {
    ...item,
    pipelineId: pipeline.id,
    stageId: stage.id,
    ...statusFor(stage.type, item),
    nearestTaskAt,
    updatedAt: now(),
    version: item.version + 1,
  };
  markStageEntry(item, restored, pipeline, restored.updatedAt); // analytics
  const writes = [
    leads.spec.store.create(restored),
    pipelineUnchanged(caller.accountId, pipeline),
    ...(await recordWrites(caller, null, restored)),
    // analytics: counted again, as it comes back
    ...leadTallyWrites(caller.accountId, await accountTimeZone(caller.accountId), null, restored),
  ];
  return { writes, lead: toLead(restored) };
}

export async function listLeads(caller: Caller, asked: LeadListQuery) {
  const members = listedMembers(caller, 'leads', asked.responsibleUserId);
  const query = { ...asked, responsibleUserId: members ? undefined : listedOwner(caller, 'leads', asked.responsibleUserId), members };
  // A contact's leads in creation order: its link items are the index.
  if (query.contactId && query.sort.endsWith('createdAt')) return leadsOfContactPage(caller, query);
  if (query.q) {
    // Through the search index: the leads named so, read by id, the other filters and the
    // order applied to them. Only a query too common for that walks an index with a filter.
    const ids = await namedRecordIds(caller.accountId, 'lead', query.q, NAMED_RECORDS_READ);
    if (ids) {
      const named = await leadsByIds(caller.accountId, ids);
      const rest = { ...query, q: undefined };
      return namedPageOf(
        caller.accountId,
        named,
        query,
        (l) => sortKeyOf(l, query.sort),
        (l) => matches(toLead(l), rest),
        toLead,
      );
    }
  }
  const order = query.sort.startsWith('-') ? 'desc' : 'asc';
  const readOf = (q: typeof query): PageRead<LeadItem> => {
    const { access, used } = leadAccess(caller.accountId, q);
    const filters = (a: Parameters<Parameters<typeof access.where>[0]>[0], op: Parameters<Parameters<typeof access.where>[0]>[1]) => {
      const f: string[] = [];
      if (q.stageId && !used.has('stageId')) f.push(op.eq(a.stageId, q.stageId));
      if (q.pipelineId && !used.has('pipelineId')) f.push(op.eq(a.pipelineId, q.pipelineId));
      if (q.responsibleUserId && !used.has('responsibleUserId')) f.push(op.eq(a.responsibleUserId, q.responsibleUserId));
      if (q.members && !q.responsibleUserId) f.push(oneOf(op, a.responsibleUserId, q.members));
      if (q.companyId && !used.has('companyId')) f.push(op.eq(a.companyId, q.companyId));
      if (q.status) f.push(op.eq(a.status, q.status));
      // Only with the updatedAt and price orders, which the link items do not have.
      if (q.contactId) f.push(op.contains(a.contactIds, q.contactId));
      if (q.tag) f.push(op.contains(a.tags, q.tag));
      if (q.q) f.push(op.contains(a.nameFolded, fold(q.q)));
      if (q.createdFrom && !used.has('created')) f.push(op.gte(a.createdAt, q.createdFrom));
      if (q.createdTo && !used.has('created')) f.push(op.lte(a.createdAt, q.createdTo));
      return f.join(' AND ');
    };
    return (o) => access.where(filters).go({ ...o, order });
  };
  // The group's leads in creation order, with no narrower index: each member's own index, merged.
  if (members && query.sort.endsWith('createdAt') && !query.stageId && !query.companyId && members.length <= MERGED_MEMBERS) {
    const ofMember = (m: string) => readOf({ ...query, responsibleUserId: m });
    return mergedPageOf(caller.accountId, members, ofMember, byResponsibleIndex(db.lead), order, query, toLead);
  }
  return pageOf(readOf(query), { limit: query.limit, cursor: acceptCursor(query.cursor, caller.accountId) }, toLead);
}

/** The sort value of a lead for `sort`, then its id: the order and the cursor of a page read by id. */
function sortKeyOf(l: LeadItem, sort: LeadListQuery['sort']) {
  const field = sort.replace(/^-/, '');
  const value =
    field === 'updatedAt' ? l.updatedAt : field === 'price' ? moneyKey(l.price) : field === 'nearestTask' ? (l.nearestTaskAt ?? '~') : '';
  return `${value}#${l.leadId}`;
}

/**
 * Picks the one index a list page is read from: the sort's index, else the most selective
 * filter's; other filters become a FilterExpression on that same Query.
 */
function leadAccess(accountId: string, q: LeadListQuery) {
  const used = new Set<string>();
  const q2 = db.lead.query;
  if (q.sort.endsWith('updatedAt')) return { access: q2.byUpdated({ accountId }), used };
  if (q.sort.endsWith('price')) return { access: q2.byPrice({ accountId }), used };
  if (q.sort.endsWith('nearestTask')) return { access: q2.byNearestTask({ accountId }), used };
  used.add('created');
  const range = <T extends { between: Function; gte: Function; lte: Function }>(query: T) => {
    const low = q.createdFrom && { leadId: idBounds(q.createdFrom).low };
    const high = q.createdTo && { leadId: idBounds(q.createdTo).high };
    if (low && high) return query.between(low, high) as T;
    if (low) return query.gte(low) as T;
    if (high) return query.lte(high) as T;
    return query;
  };
  if (q.stageId) return (used.add('stageId'), { access: range(q2.byStage({ accountId, stageId: q.stageId })), used });
  if (q.companyId) return (used.add('companyId'), { access: range(q2.byCompany({ accountId, companyKey: q.companyId })), used });
  if (q.responsibleUserId)
    return (
      used.add('responsibleUserId'),
      { access: range(q2.byResponsible({ accountId, responsibleUserId: q.responsibleUserId })), used }
    );
  if (q.pipelineId) return (used.add('pipelineId'), { access: range(q2.byPipeline({ accountId, pipelineId: q.pipelineId })), used });
  return { access: range(q2.byId({ accountId })), used };
}

/**
 * `GET /leads?contactId=` in creation order: the contact's link items are the index (one
 * Query per read), its leads one BatchGet per read; the list's other filters apply to those,
 * and pageOf reads on (within its budget) so that a page is full whenever enough match.
 */
async function leadsOfContactPage(caller: Caller, query: LeadListQuery & { members: string[] | null }) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const order = query.sort.startsWith('-') ? ('desc' as const) : ('asc' as const);
  const links = (o: { limit: number; cursor?: string }) => contactLinks(caller.accountId, query.contactId!, { ...o, order });
  const read: PageRead<Lead> = async ({ limit, cursor: from, count }) => {
    const page = await links({ limit, cursor: from });
    const ids = page.data.map((l) => l.leadId);
    const byId = new Map((await leadsByIds(caller.accountId, ids)).map((l) => [l.leadId, toLead(l)]));
    const matched = ids.map((id) => byId.get(id)).map((l) => (l && matches(l, query) ? l : null));
    if (count === undefined) return { data: matched.filter((l): l is Lead => !!l), cursor: page.cursor ?? null };
    // Cut after the count-th match: read the same links again up to it, for a cursor that goes on from there.
    let seen = 0;
    const upTo = matched.findIndex((l) => l && ++seen === count);
    const cut = await links({ limit: upTo + 1, cursor: from });
    return { data: matched.slice(0, upTo + 1).filter((l): l is Lead => !!l), cursor: cut.cursor ?? null };
  };
  return pageOf(read, { limit: query.limit, cursor }, (l) => l);
}

function matches(l: Lead, q: LeadListQuery & { members: string[] | null }) {
  return (
    (!q.pipelineId || l.pipelineId === q.pipelineId) &&
    (!q.stageId || l.stageId === q.stageId) &&
    (!q.status || l.status === q.status) &&
    (!q.responsibleUserId || l.responsibleUserId === q.responsibleUserId) &&
    (!q.members || q.members.includes(l.responsibleUserId)) &&
    (!q.companyId || l.companyId === q.companyId) &&
    (!q.contactId || l.contactIds.includes(q.contactId)) &&
    (!q.tag || l.tags.includes(q.tag)) &&
    (!q.q || fold(l.name).includes(fold(q.q))) &&
    (!q.createdFrom || l.createdAt >= q.createdFrom) &&
    (!q.createdTo || l.createdAt <= q.createdTo)
  );
}
