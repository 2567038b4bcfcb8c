// Automations ("digital pipeline"): per-stage rules an admin sets, run by the bus consumer
// functions/consumers/automations.ts when a lead enters the stage (lead.created,
// lead.stage_changed). Each run acts as actor `automation`, once per (event, automation), and
// a chain of automation-made moves stops after MAX_CHAIN steps. Every action is idempotent
// (a task by an Idempotency-Key of (event, automation); a patch to the same value writes
// nothing), so a twice-delivered event, or a retry after a failure, acts once.
import type { z } from 'zod';
import type {
  AutomationDue,
  Automation,
  AutomationCondition,
  AutomationCreate,
  AutomationListQuery,
  AutomationPatch,
  CrmEvent,
  Lead,
} from '@crm/contract';
import { AUTOMATION_DUE, AutomationAction } from '@crm/contract/automations';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { invalid, notFound } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { stampsOf } from '../model/stamps.ts';
import { bookOnBus } from '../schedules.ts';
import { toEvent } from '../event-envelope.ts';
import { checkIfMatch, commit, diff, put, RaceLost, remove, retrying } from '../write/write.ts';
import { getPipelineItem } from './pipelines.ts';
import { requireTaskType } from './task-types.ts';
import { createTask } from './tasks.ts';
import { getLead, patchLead } from './leads.ts';
import { requestSms } from './widgets.ts';

type AutomationItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.automation.get>['go']>>['data']>;

const toAutomation = (a: AutomationItem): Automation => ({
  id: a.automationId,
  pipelineId: a.pipelineId,
  stageId: a.stageId,
  trigger: a.trigger,
  delayMinutes: a.delayMinutes ?? null,
  condition: (a.condition as AutomationCondition | undefined) ?? null,
  action: a.action as AutomationAction,
  ...stampsOf(a),
});

async function checkRule(caller: Caller, pipelineId: string, stageId: string, action: AutomationAction) {
  const pipeline = await getPipelineItem(caller, pipelineId).catch(() => null);
  if (!pipeline) throw invalid('No pipeline with this id', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
  if (!(pipeline.stages as Array<{ id: string }>).some((s) => s.id === stageId)) {
    throw invalid('The stage is not in this pipeline', [{ path: 'stageId', message: 'unknown stage' }]);
  }
  if (action.type === 'create_task') await requireTaskType(caller, action.typeId);
  if (action.type === 'move_to_stage' && !(pipeline.stages as Array<{ id: string }>).some((s) => s.id === action.stageId)) {
    throw invalid('The stage to move to is not in this pipeline', [{ path: 'action.stageId', message: 'unknown stage' }]);
  }
  if (action.type === 'set_responsible') {
    const { data } = await db.user.get({ accountId: caller.accountId, userId: action.userId }).go();
    if (!data?.active) throw invalid('No active user with this id', [{ path: 'action.userId', message: 'unknown user' }]);
  }
}

async function read(caller: Caller, automationId: string) {
  const { data } = await db.automation.get({ accountId: caller.accountId, automationId }).go({ consistent: true });
  if (!data) throw notFound('Automation');
  return data;
}

export async function createAutomation(caller: Caller, input: z.output<typeof AutomationCreate>) {
  requireAdmin(caller);
  await checkRule(caller, input.pipelineId, input.stageId, input.action);
  const at = now();
  const item: AutomationItem = {
    accountId: caller.accountId,
    automationId: newId(),
    pipelineId: input.pipelineId,
    stageId: input.stageId,
    trigger: input.trigger,
    delayMinutes: input.delayMinutes,
    condition: input.condition,
    action: input.action,
    createdAt: at,
    updatedAt: at,
    createdBy: caller.userId,
    version: 1,
  };
  const automation = toAutomation(item);
  await commit({
    caller,
    writes: [put(db.automation.create(item).params())],
    events: [{ type: 'automation.created', entity: { type: 'automation', id: automation.id }, data: { automation } }],
  });
  return automation;
}

export async function getAutomation(caller: Caller, id: string) {
  requireAdmin(caller);
  return toAutomation(await read(caller, id));
}

export async function listAutomations(caller: Caller, query: z.output<typeof AutomationListQuery>) {
  requireAdmin(caller);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { accountId } = caller;
  return pageOf(
    (o) =>
      query.pipelineId
        ? db.automation.query.byStage({ accountId, pipelineId: query.pipelineId }).go(o)
        : db.automation.query.byId({ accountId }).go(o),
    { limit: query.limit, cursor },
    toAutomation,
  );
}

export async function patchAutomation(caller: Caller, id: string, patch: z.output<typeof AutomationPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return retrying(async () => {
    const current = await read(caller, id);
    checkIfMatch(options, current.version);
    const next: AutomationItem = {
      ...current,
      ...(patch.stageId !== undefined && { stageId: patch.stageId }),
      ...(patch.delayMinutes !== undefined && { delayMinutes: patch.delayMinutes ?? undefined }),
      ...(patch.condition !== undefined && { condition: patch.condition ?? undefined }),
      ...(patch.action !== undefined && { action: patch.action }),
      updatedAt: now(),
      version: current.version + 1,
    };
    await checkRule(caller, next.pipelineId, next.stageId, next.action as AutomationAction);
    const write = db.automation.put(next).where((a, op) => op.eq(a.version, current.version));
    const automation = toAutomation(next);
    const changes = diff(toAutomation(current), automation, ['stageId', 'delayMinutes', 'condition', 'action']);
    await commit({
      caller,
      writes: [put(write.params(), () => new RaceLost() as never)],
      events: [{ type: 'automation.updated', entity: { type: 'automation', id: id }, data: { automation }, changes }],
    });
    return automation;
  });
}

export async function deleteAutomation(caller: Caller, id: string, options?: WriteOptions) {
  requireAdmin(caller);
  await retrying(async () => {
    const current = await read(caller, id);
    checkIfMatch(options, current.version);
    const write = db.automation
      .delete({ accountId: caller.accountId, automationId: id })
      .where((a, op) => op.eq(a.version, current.version));
    await commit({
      caller,
      writes: [remove(write.params(), () => new RaceLost() as never)],
      events: [{ type: 'automation.deleted', entity: { type: 'automation', id }, data: { automation: toAutomation(current) } }],
    });
  });
}

// ---- running

/** How many automation-made steps in a row may trigger further automations on one lead. */
export const MAX_CHAIN = 3;

/** Runs the webhook action; the guarded, signed delivery of the webhooks module plugs in here. */
export type WebhookAction = (url: string, event: CrmEvent, automation: Automation) => Promise<void>;

export function meets(condition: AutomationCondition | null, lead: Lead) {
  if (!condition) return true;
  if (condition.type === 'budget') return condition.op === '>=' ? lead.price >= condition.value : lead.price <= condition.value;
  return lead.tags.includes(condition.tag);
}

/** The stage a lead entered with this event, if it is such an event. */
function entered(event: CrmEvent): Lead | undefined {
  if (event.type !== 'lead.created' && event.type !== 'lead.stage_changed') return undefined;
  if (event.type === 'lead.stage_changed' && !event.changes?.some((c) => c.field === 'stageId')) return undefined;
  return (event.data as { lead?: Lead }).lead;
}

/**
 * How deep in an automation chain this event is: 0 for a person's or an integration's change;
 * for an automation's, one more than the step that made it (kept per lead).
 */
async function chainDepth(event: CrmEvent, leadId: string) {
  if (event.actor.type !== 'automation') return 0;
  const { data } = await db.automationRun.get({ accountId: event.accountId, runKey: `chain#${leadId}` }).go({ consistent: true });
  return (data ? Number(data.at) : 0) + 1;
}

/** Books a delayed run at `at` (Unix ms), durably; tests may pass their own book. */
export type DelayBook = (at: number, due: AutomationDue) => Promise<void>;

/** One Scheduler schedule per (event, automation): booking it twice (a redelivered event) is a no-op. */
export const scheduleAutomation: DelayBook = (at, due) =>
  bookOnBus({ name: automationScheduleName(due), at, input: due, event: AUTOMATION_DUE, purpose: 'delay automations' });

/** Scheduler names allow 64 characters: `au-` and the two ids (26 characters each). */
export const automationScheduleName = (due: Pick<AutomationDue, 'eventId' | 'automationId'>) =>
  `au-${due.eventId}-${due.automationId}`.slice(0, 64);

/** Runs the automations of the stage a lead entered; returns the ids of those that acted (or were booked to act later). */
export async function runAutomations(event: CrmEvent, webhook: WebhookAction, book: DelayBook = scheduleAutomation): Promise<string[]> {
  const lead = entered(event);
  if (!lead) return [];
  const { accountId } = event;
  const { data: rules } = await db.automation.query
    .byStage({ accountId, pipelineId: lead.pipelineId, stageId: lead.stageId })
    .go({ pages: 'all' });
  if (rules.length === 0) return [];
  const depth = await chainDepth(event, lead.id);
  if (depth > MAX_CHAIN) {
    console.warn(JSON.stringify({ message: 'Automation chain stopped', accountId, leadId: lead.id, eventId: event.id, depth }));
    return [];
  }
  const ran: string[] = [];
  for (const item of rules) {
    const automation = toAutomation(item);
    // An automation's own change never triggers it again; others may, up to MAX_CHAIN.
    if (event.actor.type === 'automation' && event.actor.id === automation.id) continue;
    if (!meets(automation.condition, lead)) continue;
    if (automation.delayMinutes) {
      // "After N minutes in this stage": the run is booked now and checks the lead again then.
      const due = { accountId, automationId: automation.id, leadId: lead.id, stageId: lead.stageId, eventId: event.id };
      await book(Date.parse(event.occurredAt) + automation.delayMinutes * 60_000, due);
      ran.push(automation.id);
      continue;
    }
    await db.automationRun
      .put({ accountId, runKey: `chain#${lead.id}`, at: String(depth), expiresAt: Math.floor(Date.now() / 1000) + 3600 })
      .go({ response: 'none' });
    await act(event, automation, lead, webhook);
    ran.push(automation.id);
  }
  return ran;
}

/**
 * A delayed run fires: it acts only if the automation is still there and delayed, and the lead
 * is still in the stage it entered and still meets the condition. Returns whether it acted.
 */
export async function runDueAutomation(due: AutomationDue, webhook: WebhookAction): Promise<boolean> {
  const { accountId } = due;
  const [{ data: rule }, { data: entering }] = await Promise.all([
    db.automation.get({ accountId, automationId: due.automationId }).go({ consistent: true }),
    db.event.get({ accountId, eventId: due.eventId }).go({ consistent: true }),
  ]);
  if (!rule || !rule.delayMinutes || rule.stageId !== due.stageId || !entering) return false;
  const automation = toAutomation(rule);
  const system: Caller = {
    accountId,
    userId: rule.createdBy,
    role: 'admin',
    groupId: null,
    actor: { type: 'automation', id: rule.automationId },
  };
  const lead = await getLead(system, due.leadId).catch(() => null);
  if (!lead || lead.stageId !== due.stageId || !meets(automation.condition, lead)) return false;
  // Still in the stage, but did it leave and come back since? Then a later entry owns the run.
  const latest = await db.event.query
    .byEntity({ accountId, entityType: 'lead', entityId: lead.id })
    .gt({ eventId: due.eventId })
    .where((a, op) => op.eq(a.type as never, 'lead.stage_changed' as never))
    .go({ pages: 'all' });
  if (latest.data.length > 0) return false;
  await act(toEvent(entering), automation, lead, webhook);
  return true;
}

async function act(event: CrmEvent, automation: Automation, lead: Lead, webhook: WebhookAction) {
  const caller: Caller = {
    accountId: event.accountId,
    userId: lead.responsibleUserId,
    role: 'admin',
    groupId: null,
    actor: { type: 'automation', id: automation.id },
  };
  const { action } = automation;
  if (action.type === 'create_task') {
    const dueAt = new Date(Date.now() + action.dueInMinutes * 60_000).toISOString();
    // Keyed by (event, automation): a retry after a crash between claim and task answers the first task.
    const options = { idempotency: { key: `automation#${event.id}#${automation.id}`, requestHash: automation.id } };
    await createTask(
      caller,
      { text: action.text, typeId: action.typeId, dueAt, responsibleUserId: lead.responsibleUserId, entity: { type: 'lead', id: lead.id } },
      options,
    );
  } else if (action.type === 'set_responsible') {
    await patchLead(caller, lead.id, { responsibleUserId: action.userId });
  } else if (action.type === 'move_to_stage') {
    await patchLead(caller, lead.id, { stageId: action.stageId });
  } else if (action.type === 'add_tag') {
    const current = await getLead(caller, lead.id);
    if (!current.tags.includes(action.tag)) await patchLead(caller, lead.id, { tags: [...current.tags, action.tag] });
  } else if (action.type === 'send_sms') {
    // Widgets (issue 13): the SMS widget subscribes to `sms.requested` and sends it through its gateway.
    await requestSms(caller, lead, action.text);
  } else {
    await webhook(action.url, event, automation);
  }
}
