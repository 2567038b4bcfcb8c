// Leads: create, change, move between stages and pipelines, win, lose, list, trash.
import type { EntityItem } from 'electrodb';
import type { LeadEntity } from '../entities/lead.ts';
import type { z } from 'zod';
import type { Lead, LeadCreate, LeadListQuery, LeadPatch } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { idempotent } from '../idempotency.ts';
import { idBounds, newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireRight } from '../rights.ts';
import { definedOnly, fold } from '../text.ts';
import { checkIfMatch, commit, diff, put, RaceLost, remove, retrying, type EventDraft } from '../write.ts';
import { moneyKey } from '../entities/base.ts';
import { dayCounterWrites, stageCounterWrites } from './counters.ts';
import { allPipelines, getPipelineItem, pipelineUnchanged, toPipeline } from './pipelines.ts';
import { nearestOpenTaskAt } from './nearest-task.ts';
import { requireActiveUser } from './users.ts';
import { trashWrites } from './trash.ts';
import { checkRecord, derivedWrites } from '../hooks.ts';
import { leadsOfContactPage } from './links.ts';

type LeadItem = EntityItem<typeof LeadEntity>;

export const toLead = (l: LeadItem): Lead => ({
  id: l.leadId, name: l.name, price: l.price, pipelineId: l.pipelineId, stageId: l.stageId, status: l.status,
  responsibleUserId: l.responsibleUserId, contactIds: l.contactIds, mainContactId: l.mainContactId ?? null,
  companyId: l.companyId ?? null, tags: l.tags, customFields: (l.customFields ?? {}) as Lead['customFields'],
  closedAt: l.closedAt ?? null, lossReason: l.lossReason ?? null, source: l.source ?? null,
  nearestTaskAt: l.nearestTaskAt ?? null,
  createdAt: l.createdAt, updatedAt: l.updatedAt, createdBy: l.createdBy, version: l.version,
});

const TRACKED = [
  'name', 'price', 'pipelineId', 'stageId', 'status', 'responsibleUserId', 'contactIds', 'mainContactId',
  'companyId', 'tags', 'customFields', 'closedAt', 'lossReason', 'source',
] as const;

export async function getLeadItem(caller: Caller, leadId: string) {
  const { data } = await db.lead.get({ accountId: caller.accountId, leadId }).go();
  if (!data) throw notFound('Lead');
  return data;
}

export async function getLead(caller: Caller, leadId: string) {
  const lead = await getLeadItem(caller, leadId);
  requireRight(caller, 'leads', 'view', { userId: lead.responsibleUserId });
  return toLead(lead);
}

/** Where a lead lands: the pipeline and stage asked for, or the default pipeline's first stage. */
async function placement(caller: Caller, pipelineId?: string, stageId?: string) {
  const pipeline = pipelineId
    ? toPipeline(await getPipelineItem(caller, pipelineId))
    : (await allPipelines(caller))[0];
  if (!pipeline) throw conflict('The account has no pipeline');
  const stage = stageId ? pipeline.stages.find((s) => s.id === stageId) : pipeline.stages[0];
  if (!stage) throw conflict('The stage does not belong to the pipeline', { pipelineId: pipeline.id, stageId });
  return { pipeline, stage };
}

/** Status and close date follow the stage: entering won or lost closes the lead. */
function statusFor(stageType: 'open' | 'won' | 'lost', before?: LeadItem) {
  const status = stageType;
  const closedAt = status === 'open' ? undefined : before && before.status === status ? before.closedAt : now();
  return { status, closedAt };
}


export async function createLead(caller: Caller, input: z.output<typeof LeadCreate>, options?: WriteOptions) {
  return idempotent(caller, options, () => retrying(async () => {
    const { pipeline, stage } = await placement(caller, input.pipelineId, input.stageId);
    const responsibleUserId = input.responsibleUserId ?? caller.userId;
    requireRight(caller, 'leads', 'edit', { userId: responsibleUserId });
    if (responsibleUserId !== caller.userId) await requireActiveUser(caller, responsibleUserId, 'responsibleUserId');
    const at = now();
    const item: LeadItem = {
      accountId: caller.accountId, leadId: newId(), name: input.name, nameFolded: fold(input.name),
      price: input.price ?? 0, priceKey: moneyKey(input.price ?? 0), pipelineId: pipeline.id, stageId: stage.id,
      ...statusFor(stage.type), responsibleUserId, contactIds: input.contactIds ?? [], mainContactId: input.mainContactId,
      companyId: input.companyId, tags: dedupe(input.tags ?? []), customFields: input.customFields ?? {},
      lossReason: stage.type === 'lost' ? input.lossReason : undefined, source: input.source,
      createdAt: at, updatedAt: at, createdBy: caller.userId, version: 1,
    };
    linkCheck(item);
    await checkRecord(caller, 'lead', item, null);
    const lead = toLead(item);
    await commit({
      caller, options, result: lead,
      writes: [
        put(db.lead.create(item).params()), pipelineUnchanged(caller.accountId, pipeline), ...stageCounterWrites(null, item),
        ...dayCounterWrites(null, item),
        ...(await derivedWrites(caller, 'lead', null, item)),
      ],
      events: [{ type: 'lead.created', entity: { type: 'lead', id: lead.id }, data: { lead } }, ...closingEvent(null, lead)],
    });
    return lead;
  }));
}

export async function patchLead(caller: Caller, leadId: string, patch: z.output<typeof LeadPatch>, options?: WriteOptions) {
  return retrying(async () => {
    const current = await getLeadItem(caller, leadId);
    checkIfMatch(options, current.version);
    requireRight(caller, 'leads', 'edit', { userId: current.responsibleUserId });
    const moving = patch.stageId !== undefined || (patch.pipelineId !== undefined && patch.pipelineId !== current.pipelineId);
    const { pipeline, stage } = await placement(caller, patch.pipelineId ?? current.pipelineId, patch.stageId ?? (moving ? undefined : current.stageId));
    if (patch.responsibleUserId && patch.responsibleUserId !== current.responsibleUserId) {
      requireRight(caller, 'leads', 'edit', { userId: patch.responsibleUserId });
      await requireActiveUser(caller, patch.responsibleUserId, 'responsibleUserId');
    }
    const changed = { ...current, ...definedOnly(patch) } as LeadItem;
    const next: LeadItem = {
      ...changed,
      mainContactId: patch.mainContactId === null ? undefined : changed.mainContactId,
      companyId: patch.companyId === null ? undefined : changed.companyId,
      source: patch.source === null ? undefined : changed.source,
      nameFolded: fold(changed.name), priceKey: moneyKey(changed.price), tags: dedupe(changed.tags),
      pipelineId: pipeline.id, stageId: stage.id, ...statusFor(stage.type, current),
      lossReason: stage.type === 'lost' ? (patch.lossReason === null ? undefined : changed.lossReason) : undefined,
      updatedAt: now(), version: current.version + 1,
    };
    linkCheck(next);
    await checkRecord(caller, 'lead', next, current);
    const before = toLead(current);
    const lead = toLead(next);
    const changes = diff(before, lead, TRACKED);
    if (changes.length === 0) return before;
    const events: EventDraft[] = [{ type: 'lead.updated', entity: { type: 'lead', id: leadId }, data: { lead }, changes }];
    if (before.stageId !== lead.stageId) {
      events.push({
        type: 'lead.stage_changed', entity: { type: 'lead', id: leadId }, data: { lead },
        changes: changes.filter((c) => ['pipelineId', 'stageId', 'status'].includes(c.field)),
      });
    }
    await commit({
      caller, options,
      writes: [
        // The nearest task is kept by task changes meanwhile: the put carries the value it read.
        put(db.lead.put(next).where((a, op) => [
          op.eq(a.version, current.version),
          current.nearestTaskAt === undefined ? op.notExists(a.nearestTaskAt) : op.eq(a.nearestTaskAt, current.nearestTaskAt),
        ].join(' AND ')).params(), () => new RaceLost() as never),
        pipelineUnchanged(caller.accountId, pipeline),
        ...stageCounterWrites(current, next),
        ...dayCounterWrites(current, next),
        ...(await derivedWrites(caller, 'lead', current, next)),
      ],
      events: [...events, ...closingEvent(before, lead)],
    });
    return lead;
  });
}

function closingEvent(before: Lead | null, after: Lead): EventDraft[] {
  if (after.status === 'open' || before?.status === after.status) return [];
  const data = { lead: after, lossReason: after.lossReason };
  return [{ type: after.status === 'won' ? 'lead.won' : 'lead.lost', entity: { type: 'lead', id: after.id }, data }];
}

export async function deleteLead(caller: Caller, leadId: string, options?: WriteOptions) {
  await retrying(async () => {
    const current = await getLeadItem(caller, leadId);
    checkIfMatch(options, current.version);
    requireRight(caller, 'leads', 'delete', { userId: current.responsibleUserId });
    const lead = toLead(current);
    await commit({
      caller, options,
      writes: [
        remove(db.lead.delete({ accountId: caller.accountId, leadId }).where((a, op) => op.eq(a.version, current.version)).params()),
        ...stageCounterWrites(current, null),
        ...trashWrites(caller, 'lead', leadId, current.name, current),
        ...(await derivedWrites(caller, 'lead', current, null)),
      ],
      events: [{ type: 'lead.deleted', entity: { type: 'lead', id: leadId }, data: { lead } }],
    });
  });
}

/** Puts a lead back from the trash as it was, counted again in its stage. */
export async function restoreLeadWrites(caller: Caller, item: LeadItem) {
  // Its stage may be gone meanwhile: then the default pipeline's first stage takes it.
  const { pipeline, stage } = await placement(caller, item.pipelineId, item.stageId).catch(() => placement(caller));
  const nearestTaskAt = await nearestOpenTaskAt(caller.accountId, { type: 'lead', id: item.leadId });
  const restored = {
    ...item, pipelineId: pipeline.id, stageId: stage.id, ...statusFor(stage.type, item), nearestTaskAt,
    updatedAt: now(), version: item.version + 1,
  };
  const writes = [
    put(db.lead.create(restored).params()), pipelineUnchanged(caller.accountId, pipeline), ...stageCounterWrites(null, restored),
    ...(await derivedWrites(caller, 'lead', null, restored)),
  ];
  return { writes, lead: toLead(restored) };
}

export async function listLeads(caller: Caller, query: LeadListQuery) {
  // A contact's leads in creation order: its link items are the index (services/links.ts).
  if (query.contactId && query.sort.endsWith('createdAt')) return leadsOfContactPage(caller, query);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { access, used } = leadAccess(caller.accountId, query);
  const filters = (a: Parameters<Parameters<typeof access.where>[0]>[0], op: Parameters<Parameters<typeof access.where>[0]>[1]) => {
    const f: string[] = [];
    if (query.stageId && !used.has('stageId')) f.push(op.eq(a.stageId, query.stageId));
    if (query.pipelineId && !used.has('pipelineId')) f.push(op.eq(a.pipelineId, query.pipelineId));
    if (query.responsibleUserId && !used.has('responsibleUserId')) f.push(op.eq(a.responsibleUserId, query.responsibleUserId));
    if (query.companyId && !used.has('companyId')) f.push(op.eq(a.companyId, query.companyId));
    if (query.status) f.push(op.eq(a.status, query.status));
    // Only with the updatedAt and price orders, which the link items do not have.
    if (query.contactId) f.push(op.contains(a.contactIds, query.contactId));
    if (query.tag) f.push(op.contains(a.tags, query.tag));
    if (query.q) f.push(op.contains(a.nameFolded, fold(query.q)));
    if (query.createdFrom && !used.has('created')) f.push(op.gte(a.createdAt, query.createdFrom));
    if (query.createdTo && !used.has('created')) f.push(op.lte(a.createdAt, query.createdTo));
    return f.join(' AND ');
  };
  const order = query.sort.startsWith('-') ? 'desc' : 'asc';
  return pageOf(access.where(filters).go({ limit: query.limit, cursor, order }), toLead);
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
  if (q.stageId) return used.add('stageId'), { access: range(q2.byStage({ accountId, stageId: q.stageId })), used };
  if (q.companyId) return used.add('companyId'), { access: range(q2.byCompany({ accountId, companyKey: q.companyId })), used };
  if (q.responsibleUserId) return used.add('responsibleUserId'), { access: range(q2.byResponsible({ accountId, responsibleUserId: q.responsibleUserId })), used };
  if (q.pipelineId) return used.add('pipelineId'), { access: range(q2.byPipeline({ accountId, pipelineId: q.pipelineId })), used };
  return { access: range(q2.byId({ accountId })), used };
}

const dedupe = (tags: string[]) => [...new Set(tags)];

function linkCheck(lead: LeadItem) {
  if (lead.mainContactId && !lead.contactIds.includes(lead.mainContactId)) {
    lead.contactIds = [lead.mainContactId, ...lead.contactIds];
  }
  if (new Set(lead.contactIds).size !== lead.contactIds.length) {
    throw invalid('A contact is linked twice', [{ path: 'contactIds', message: 'duplicate contact id' }]);
  }
}
