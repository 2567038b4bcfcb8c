// The reports' counters (docs/data-model.md, "Analytics counters"). Each lead, task and
// contact contributes a fixed set of deltas to a few tally items; a write adds what its
// `after` contributes and takes away what its `before` did, as ADD updates in the record's
// own transaction. So a report reads O(stages x users x days) tally items and never a
// record, and a recount from the records gives the same figures.
import type { Pipeline } from '@crm/contract';
import { db } from '../db.ts';
import type { LeadItem } from '../model/lead.ts';
import type { Stored } from '../model/records.ts';
import { addTo } from '../write/adds.ts';
import type { Write } from '../write/write.ts';
import { shardedKey, shardOf } from './counters.ts';

/**
 * Stage counters are touched by every change of every lead in the stage: a busy stage
 * (over ~1,000 writes a second, the limit of one item) spreads them over this many items,
 * chosen by lead id so that a lead's before and after land on the same one; reads sum them.
 */
export const STAGE_SHARDS = 4;

export type Tally = {
  count?: number;
  amount?: number;
  won?: number;
  wonAmount?: number;
  lost?: number;
  lostAmount?: number;
  enteredSecs?: number;
};
export type Contribution = Map<string, Tally>;

/** The furthest stage a lead reached, per pipeline id. */
export type Reached = Record<string, string>;

const stageShardOf = (id: string) => shardOf(id, STAGE_SHARDS);

export const tallyKeys = {
  /** Leads in a stage now (any stage type), their sum and entry times. */
  stage: (pipelineId: string, stageId: string, userId: string, shard: number) => `open#${pipelineId}#${stageId}#${userId}#${shard}`,
  /** Created (count, amount), won and lost on a day of the account's time zone. */
  day: (day: string, pipelineId: string, userId: string) => `day#${day}#${pipelineId}#${userId}`,
  /** Leads created on a day whose furthest stage in the pipeline is this one. */
  reach: (pipelineId: string, day: string, stageId: string, userId: string) => `reach#${pipelineId}#${day}#${stageId}#${userId}`,
  /** Open tasks by their responsible user and due hour (UTC). */
  due: (userId: string, hour: string) => `due#${userId}#${hour}`,
  /**
   * The same open tasks by due day, month and year (UTC): "overdue" is then the years,
   * months and days before the current one plus today's hours, a bounded read at any size.
   */
  dueDay: (userId: string, day: string) => `dueDay#${userId}#${day}`,
  dueMonth: (userId: string, month: string) => `dueMonth#${userId}#${month}`,
  dueYear: (userId: string, year: string) => `dueYear#${userId}#${year}`,
  /** Tasks completed on a day of the account's time zone. */
  done: (day: string, userId: string) => `done#${day}#${userId}`,
  /** Contacts a user is responsible for. */
  contacts: (userId: string) => `contacts#${userId}`,
};

/** One formatter per time zone: building one costs more than a lead write's other CPU work (the bench's profile). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(iso: string, timeZone: string) {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

function add(into: Contribution, key: string, tally: Tally) {
  const sum = into.get(key) ?? {};
  for (const [field, value] of Object.entries(tally) as [keyof Tally, number][]) sum[field] = (sum[field] ?? 0) + value;
  into.set(key, sum);
}

/** What one lead adds to the counters, as it is. */
export function leadContribution(lead: LeadItem, timeZone: string): Contribution {
  const out: Contribution = new Map();
  const user = lead.responsibleUserId;
  const entered = lead.stageEnteredAt ?? lead.createdAt;
  add(out, tallyKeys.stage(lead.pipelineId, lead.stageId, user, stageShardOf(lead.leadId)), {
    count: 1,
    amount: lead.price,
    enteredSecs: Math.floor(Date.parse(entered) / 1000),
  });
  const createdDay = localDay(lead.createdAt, timeZone);
  // Day and reach tallies take every create of a user on a day: sharded like the stage ones
  // (a suffix the reports' positional parsing ignores; shard 0 is the key as it always was).
  const spread = (key: string) => shardedKey(key, lead.leadId, STAGE_SHARDS);
  add(out, spread(tallyKeys.day(createdDay, lead.pipelineId, user)), { count: 1, amount: lead.price });
  if (lead.status !== 'open' && lead.closedAt) {
    const closed = spread(tallyKeys.day(localDay(lead.closedAt, timeZone), lead.pipelineId, user));
    add(out, closed, lead.status === 'won' ? { won: 1, wonAmount: lead.price } : { lost: 1, lostAmount: lead.price });
  }
  for (const [pipelineId, stageId] of Object.entries((lead.reached ?? {}) as Reached)) {
    add(out, spread(tallyKeys.reach(pipelineId, createdDay, stageId, user)), { count: 1 });
  }
  return out;
}

/** The ADD updates that take a record's counters from `before` to `after`. */
function tallyWrites(accountId: string, before: Contribution, after: Contribution): Write[] {
  const delta: Contribution = new Map();
  for (const [key, t] of after) add(delta, key, t);
  for (const [key, t] of before) add(delta, key, Object.fromEntries(Object.entries(t).map(([f, v]) => [f, -v])));
  const writes: Write[] = [];
  for (const [key, t] of delta) {
    const moved = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== 0));
    if (Object.keys(moved).length) writes.push(addTo('tally', accountId, key, moved));
  }
  return writes;
}

/** A lead's report counters, in its transaction (create, every change, delete, restore). */
export function leadTallyWrites(accountId: string, timeZone: string, before: LeadItem | null, after: LeadItem | null) {
  const none: Contribution = new Map();
  return tallyWrites(accountId, before ? leadContribution(before, timeZone) : none, after ? leadContribution(after, timeZone) : none);
}

/**
 * Sets when the lead entered its stage and the furthest stage it reached in its pipeline
 * (by the pipeline's order; a won stage is past every open one, a lost stage reaches nothing).
 */
export function markStageEntry(before: LeadItem | null, after: LeadItem, pipeline: Pipeline, at: string) {
  const moved = !before || before.stageId !== after.stageId || before.pipelineId !== after.pipelineId;
  after.stageEnteredAt = moved ? at : (before.stageEnteredAt ?? before.createdAt);
  const stage = pipeline.stages.find((s) => s.id === after.stageId);
  if (!stage || stage.type === 'lost') return;
  const reached = { ...((after.reached ?? {}) as Reached) };
  const rank = (stageId: string | undefined) => stageRank(pipeline, stageId);
  if (rank(after.stageId) > rank(reached[pipeline.id])) reached[pipeline.id] = after.stageId;
  after.reached = reached;
}

/** A stage's place in the funnel: open stages in order, then won; -1 for lost or unknown. */
export function stageRank(pipeline: Pipeline, stageId: string | undefined) {
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const i = open.findIndex((s) => s.id === stageId);
  if (i >= 0) return i;
  return pipeline.stages.some((s) => s.id === stageId && s.type === 'won') ? open.length : -1;
}

type TaskLike = { taskId: string; responsibleUserId: string; state: 'open' | 'completed'; dueAt: string; completedAt?: string };

/**
 * A task's tallies are per responsible user: one user given a burst of tasks due the same day
 * would write one `dueDay#` and one `dueMonth#` item with each. They are sharded by task id like
 * the lead tallies (a `#sN` suffix; shard 0 is the bare key, so tallies written before count on).
 */
export function taskContribution(task: TaskLike, timeZone: string): Contribution {
  const out: Contribution = new Map();
  const spread = (key: string) => shardedKey(key, task.taskId, STAGE_SHARDS);
  if (task.state === 'open') {
    const user = task.responsibleUserId;
    add(out, spread(tallyKeys.due(user, task.dueAt.slice(0, 13))), { count: 1 });
    add(out, spread(tallyKeys.dueDay(user, task.dueAt.slice(0, 10))), { count: 1 });
    add(out, spread(tallyKeys.dueMonth(user, task.dueAt.slice(0, 7))), { count: 1 });
    add(out, spread(tallyKeys.dueYear(user, task.dueAt.slice(0, 4))), { count: 1 });
  } else if (task.completedAt) {
    add(out, spread(tallyKeys.done(localDay(task.completedAt, timeZone), task.responsibleUserId)), { count: 1 });
  }
  return out;
}

/** A task's counters for the managers' report: open by due hour, completed by day. */
export function taskTallyWrites(accountId: string, timeZone: string, before: TaskLike | null, after: TaskLike | null) {
  const none: Contribution = new Map();
  return tallyWrites(accountId, before ? taskContribution(before, timeZone) : none, after ? taskContribution(after, timeZone) : none);
}

/** The contacts each user is responsible for (a `derivedWrites` contributor). */
export function contactTallyWrites(accountId: string, kind: string, before: Stored | null, after: Stored | null) {
  if (kind !== 'contact') return [];
  const of = (c: Stored | null): Contribution => (c ? contactContribution(c) : new Map());
  return tallyWrites(accountId, of(before), of(after));
}

export const contactContribution = (c: object): Contribution =>
  new Map([[tallyKeys.contacts((c as { responsibleUserId: string }).responsibleUserId), { count: 1 }]]);

/**
 * The tally keys these counters own (a recount replaces exactly these): each key's first part,
 * taken from `tallyKeys` itself so that a new kind of tally is recounted too.
 */
export const TALLY_PREFIXES = Object.values(tallyKeys).map(
  (key) => `${(key as (...parts: string[]) => string)('', '', '', '').split('#')[0]}#`,
);

/** Adds one record's contribution into running sums (a recount's). */
export function addContribution(into: Contribution, contribution: Contribution) {
  for (const [key, t] of contribution) add(into, key, t);
}

/** Tally items whose keys lie between two keys (inclusive), as one paged Query. */
export async function talliesBetween(accountId: string, from: string, to: string) {
  const { data } = await db.tally.query.byKey({ accountId }).between({ key: from }, { key: to }).go({ pages: 'all' });
  return data;
}

/** Count and sum of the open leads per stage of a pipeline whose responsible is one of `users` (the stage tallies, summed over shards). */
export async function stageTotalsOf(accountId: string, pipelineId: string, users: readonly string[]) {
  const wanted = new Set(users);
  const totals = new Map<string, { count: number; amount: number }>();
  for (const t of await talliesStartingWith(accountId, `open#${pipelineId}#`)) {
    const [, , stageId, userId] = t.key.split('#');
    if (!stageId || !wanted.has(userId!)) continue;
    const sum = totals.get(stageId) ?? { count: 0, amount: 0 };
    totals.set(stageId, { count: sum.count + (t.count ?? 0), amount: sum.amount + (t.amount ?? 0) });
  }
  return totals;
}

/** Tally items whose keys begin with a prefix, as one paged Query. */
export async function talliesStartingWith(accountId: string, prefix: string) {
  const { data } = await db.tally.query.byKey({ accountId }).begins({ key: prefix }).go({ pages: 'all' });
  return data;
}

const ZONE_TTL_MS = 60_000;
const zones = new Map<string, { zone: string; until: number }>();

/**
 * The account's time zone, which the day counters are kept in; cached a minute per warm
 * Lambda so that a lead write costs no extra read (a zone changed meanwhile applies to
 * later writes; days already counted stay as they were counted).
 */
export async function accountTimeZone(accountId: string) {
  const cached = zones.get(accountId);
  if (cached && cached.until > Date.now()) return cached.zone;
  const { data } = await db.account.get({ accountId }).go();
  const zone = data?.timezone ?? 'UTC';
  zones.set(accountId, { zone, until: Date.now() + ZONE_TTL_MS });
  return zone;
}
