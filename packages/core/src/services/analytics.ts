// The reports: the sales funnel, the summary by period and the managers' figures, each a
// few parallel reads of counters (derived/analytics-counters.ts) and never of a lead, so
// they cost the same at a thousand leads or a million. Periods are days of the account's
// time zone; the caller sees the figures of the users their `leads: view` right covers.
import type { Funnel, FunnelQuery, ManagerFigures, Managers, ManagersQuery, Pipeline, Summary, SummaryQuery } from '@crm/contract';
import { MAX_REPORT_DAYS } from '@crm/contract/analytics';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { conflict, forbidden, invalid } from '../errors.ts';
import { localDay, stageRank, talliesBetween, talliesStartingWith } from '../derived/analytics-counters.ts';
import { scopeOf } from '../rights.ts';
import { getAccount } from './accounts.ts';
import { allPipelines, getPipelineItem, toPipeline } from './pipelines.ts';

const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Whose figures the caller may see: null for everyone (`all`), else a set of user ids:
 * `own` the caller, `group` the caller's group (the caller alone without a group).
 */
async function visibleUsers(caller: Caller, users?: Promise<UserRow[]>): Promise<Set<string> | null> {
  const scope = scopeOf(caller, 'leads', 'view');
  if (scope === 'none') throw forbidden();
  if (scope === 'all') return null;
  if (scope === 'group' && caller.groupId) {
    const rows = await (users ?? accountUsers(caller.accountId));
    return new Set([caller.userId, ...rows.filter((u) => u.groupId === caller.groupId).map((u) => u.userId)]);
  }
  return new Set([caller.userId]);
}

/** The users a report counts: the visible ones, narrowed to `responsibleUserId` when asked (403 if not visible). */
async function countedUsers(caller: Caller, responsibleUserId: string | undefined, users?: Promise<UserRow[]>) {
  const visible = await visibleUsers(caller, users);
  if (!responsibleUserId) return visible;
  if (visible && !visible.has(responsibleUserId)) throw forbidden('You may not see this user’s figures');
  return new Set([responsibleUserId]);
}

type UserRow = { userId: string; groupId?: string; active: boolean };
async function accountUsers(accountId: string): Promise<UserRow[]> {
  const { data } = await db.user.query.byId({ accountId }).go({ pages: 'all' });
  return data.map((u) => ({ userId: u.userId, groupId: u.groupId, active: u.active }));
}

/** The period asked for, or the last 30 days up to today in the account's time zone. */
function periodOf(query: { from?: string; to?: string }, timeZone: string) {
  const to = query.to ?? localDay(new Date().toISOString(), timeZone);
  const from = query.from ?? shiftDay(to, -(DEFAULT_DAYS - 1));
  // The schema checks a period given whole; one end alone may still make it too long or reversed.
  if (from > to || Date.parse(to) - Date.parse(from) >= MAX_REPORT_DAYS * DAY_MS) {
    throw invalid('The period is reversed or too long', [
      { path: query.to ? 'to' : 'from', message: `from must not be after to, and the period at most ${MAX_REPORT_DAYS} days` },
    ]);
  }
  return { from, to };
}

const shiftDay = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);
const part = (key: string, i: number) => key.split('#')[i];
const round2 = (n: number) => Math.round(n * 100) / 100;

async function pipelineOf(caller: Caller, pipelineId?: string): Promise<Pipeline> {
  if (pipelineId) return toPipeline(await getPipelineItem(caller, pipelineId));
  const [first] = await allPipelines(caller);
  if (!first) throw conflict('The account has no pipeline');
  return first;
}

export async function funnelReport(caller: Caller, query: FunnelQuery): Promise<Funnel> {
  const [counted, account, pipeline] = await Promise.all([
    countedUsers(caller, query.responsibleUserId),
    getAccount(caller.accountId),
    pipelineOf(caller, query.pipelineId),
  ]);
  const { from, to } = periodOf(query, account.timezone);
  const [stageItems, reachItems] = await Promise.all([
    talliesStartingWith(caller.accountId, `open#${pipeline.id}#`),
    talliesBetween(caller.accountId, `reach#${pipeline.id}#${from}`, `reach#${pipeline.id}#${to}#~`),
  ]);
  const counts = (userId: string) => !counted || counted.has(userId);
  const nowSecs = Date.now() / 1000;
  const inStage = new Map<string, { count: number; amount: number; enteredSecs: number }>();
  for (const t of stageItems) {
    if (!counts(part(t.key, 3))) continue;
    const stageId = part(t.key, 2);
    const s = inStage.get(stageId) ?? { count: 0, amount: 0, enteredSecs: 0 };
    s.count += t.count ?? 0;
    s.amount += t.amount ?? 0;
    s.enteredSecs += t.enteredSecs ?? 0;
    inStage.set(stageId, s);
  }
  const open = pipeline.stages.filter((s) => s.type === 'open');
  // furthest[r]: leads created in the period whose furthest stage has rank r (won = open.length).
  const furthest = new Array<number>(open.length + 1).fill(0);
  for (const t of reachItems) {
    if (!counts(part(t.key, 4))) continue;
    const rank = stageRank(pipeline, part(t.key, 3));
    if (rank >= 0) furthest[rank] += t.count ?? 0;
  }
  const reached = furthest.map((_, r) => furthest.slice(r).reduce((n, c) => n + c, 0));
  const sumOf = (type: 'won' | 'lost') =>
    pipeline.stages
      .filter((s) => s.type === type)
      .reduce((acc, s) => ({ count: acc.count + (inStage.get(s.id)?.count ?? 0), amount: acc.amount + (inStage.get(s.id)?.amount ?? 0) }), {
        count: 0,
        amount: 0,
      });
  return {
    pipelineId: pipeline.id,
    from,
    to,
    stages: open.map((s, i) => {
      const now = inStage.get(s.id) ?? { count: 0, amount: 0, enteredSecs: 0 };
      return {
        stageId: s.id,
        name: s.name,
        count: now.count,
        amount: now.amount,
        reached: reached[i],
        conversion: reached[i] ? round2(reached[i + 1] / reached[i]) : 0,
        avgDaysInStage: now.count ? round2((nowSecs * now.count - now.enteredSecs) / now.count / 86_400) : 0,
      };
    }),
    won: sumOf('won'),
    lost: sumOf('lost'),
  };
}

/** The period a day falls in: itself, its week's Monday, or its month. */
function periodKey(day: string, groupBy: SummaryQuery['groupBy']) {
  if (groupBy === 'month') return day.slice(0, 7);
  if (groupBy === 'week') return shiftDay(day, -((new Date(day).getUTCDay() + 6) % 7));
  return day;
}

/** Every day from `from` to `to`, inclusive. */
function daysOf(from: string, to: string) {
  const days: string[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) days.push(d);
  return days;
}

export async function summaryReport(caller: Caller, query: SummaryQuery): Promise<Summary> {
  const [counted, account] = await Promise.all([countedUsers(caller, query.responsibleUserId), getAccount(caller.accountId)]);
  const { from, to } = periodOf(query, account.timezone);
  const dayItems = await talliesBetween(caller.accountId, `day#${from}`, `day#${to}#~`);
  const rows = new Map<string, Summary['series'][number]>();
  for (const day of daysOf(from, to)) {
    const period = periodKey(day, query.groupBy);
    if (!rows.has(period)) rows.set(period, { period, created: 0, createdAmount: 0, won: 0, lost: 0, wonAmount: 0 });
  }
  for (const t of dayItems) {
    const [, day, pipelineId, userId] = t.key.split('#');
    if (query.pipelineId && pipelineId !== query.pipelineId) continue;
    if (counted && !counted.has(userId)) continue;
    const row = rows.get(periodKey(day, query.groupBy));
    if (!row) continue;
    row.created += t.count ?? 0;
    row.createdAmount += t.amount ?? 0;
    row.won += t.won ?? 0;
    row.wonAmount += t.wonAmount ?? 0;
    row.lost += t.lost ?? 0;
  }
  return { from, to, groupBy: query.groupBy, series: [...rows.values()] };
}

export async function managersReport(caller: Caller, query: ManagersQuery): Promise<Managers> {
  const { accountId } = caller;
  const [rows, account, pipelines] = await Promise.all([accountUsers(accountId), getAccount(accountId), allPipelines(caller)]);
  const counted = await countedUsers(caller, query.responsibleUserId, Promise.resolve(rows));
  const { from, to } = periodOf(query, account.timezone);
  const [stageItems, dayItems, dueItems, doneItems, contactItems] = await Promise.all([
    talliesStartingWith(accountId, 'open#'),
    talliesBetween(accountId, `day#${from}`, `day#${to}#~`),
    talliesStartingWith(accountId, 'due#'),
    talliesBetween(accountId, `done#${from}`, `done#${to}#~`),
    talliesStartingWith(accountId, 'contacts#'),
  ]);
  const figures = new Map<string, ManagerFigures>();
  const of = (userId: string) => {
    let f = figures.get(userId);
    if (!f) {
      f = {
        userId,
        openLeads: 0,
        openAmount: 0,
        wonCount: 0,
        wonAmount: 0,
        lostCount: 0,
        tasksOpen: 0,
        tasksOverdue: 0,
        tasksCompleted: 0,
        contacts: 0,
      };
      figures.set(userId, f);
    }
    return f;
  };
  const openStages = new Set(pipelines.flatMap((p) => p.stages.filter((s) => s.type === 'open').map((s) => s.id)));
  const inPipeline = (pipelineId: string) => !query.pipelineId || pipelineId === query.pipelineId;
  for (const t of stageItems) {
    const [, pipelineId, stageId, userId] = t.key.split('#');
    if (!inPipeline(pipelineId) || !openStages.has(stageId)) continue;
    of(userId).openLeads += t.count ?? 0;
    of(userId).openAmount += t.amount ?? 0;
  }
  for (const t of dayItems) {
    const [, , pipelineId, userId] = t.key.split('#');
    if (!inPipeline(pipelineId)) continue;
    of(userId).wonCount += t.won ?? 0;
    of(userId).wonAmount += t.wonAmount ?? 0;
    of(userId).lostCount += t.lost ?? 0;
  }
  const thisHour = new Date().toISOString().slice(0, 13);
  for (const t of dueItems) {
    const [, userId, hour] = t.key.split('#');
    of(userId).tasksOpen += t.count ?? 0;
    if (hour < thisHour) of(userId).tasksOverdue += t.count ?? 0;
  }
  for (const t of doneItems) of(part(t.key, 2)).tasksCompleted += t.count ?? 0;
  for (const t of contactItems) of(part(t.key, 1)).contacts += t.count ?? 0;
  const active = new Set(rows.filter((u) => u.active).map((u) => u.userId));
  const nonZero = (f: ManagerFigures) => Object.entries(f).some(([k, v]) => k !== 'userId' && v !== 0);
  for (const userId of active) of(userId);
  const items = [...figures.values()]
    .filter((f) => (!counted || counted.has(f.userId)) && (active.has(f.userId) || nonZero(f)))
    .sort((a, b) => b.openAmount - a.openAmount || a.userId.localeCompare(b.userId));
  return { from, to, items };
}
