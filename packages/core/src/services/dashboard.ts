// The desktop's figures, read from counters kept in each record's own transaction: board
// totals and day counters (leads), the caller's open tasks by due hour, day, month and year
// (tasks), and the latest events. A fixed number of reads, none a Scan, whatever the number
// of leads and tasks; narrowed to what the caller may view (rights.ts).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CrmEvent, Dashboard } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db, dynamo } from '../db.ts';
import { may, scopeOf, type RightEntity } from '../rights.ts';
import { getAccount } from './accounts.ts';
import { allStageTotals, dayCounters } from '../derived/counters.ts';
import { localDay, talliesBetween, talliesStartingWith, tallyKeys } from '../derived/analytics-counters.ts';
import { toEvent } from './events.ts';
import { allPipelines } from './pipelines.ts';

const RECENT_EVENTS = 10;
/** A narrowed caller's events are picked from this many of the latest (one Query): some may be others'. */
const NARROWED_EVENTS_READ = 50;
const HOUR = 3_600_000;

export async function dashboard(caller: Caller): Promise<Dashboard> {
  const at = new Date();
  const account = getAccount(caller.accountId);
  const [pipelines, leads, tasks, recentEvents] = await Promise.all([
    allPipelines(caller),
    leadFigures(caller, at, account),
    account.then((a) => openTaskFigures(caller, at, a.timezone)),
    latestEvents(caller),
  ]);
  const openStages = new Set(pipelines.flatMap((p) => p.stages.filter((s) => s.type === 'open').map((s) => s.id)));
  const open = leads.stages.filter((t) => openStages.has(t.stageId));
  return {
    openLeads: open.reduce((n, t) => n + t.count, 0),
    openAmount: open.reduce((n, t) => n + t.amount, 0),
    tasksToday: tasks.today,
    tasksOverdue: tasks.overdue,
    newLeadsThisWeek: leads.createdThisWeek,
    recentEvents,
  };
}

/** The users whose records the caller sees in `entity`, or 'all'. */
function visibleUsers(caller: Caller, entity: RightEntity): 'all' | string[] {
  const scope = scopeOf(caller, entity, 'view');
  if (scope === 'all') return 'all';
  if (scope === 'own') return [caller.userId];
  if (scope === 'group') return caller.groupMembers ?? [caller.userId];
  return [];
}

type StageFigure = { stageId: string; count: number; amount: number };

/**
 * Leads in each stage and created this week. Everyone's: the account's stage and day
 * counters (UTC days). Narrowed: the report tallies, which are kept per responsible user
 * (open#pipeline#stage#user#shard, day#day#pipeline#user in the account's days).
 */
async function leadFigures(caller: Caller, at: Date, account: Promise<{ timezone: string }>) {
  const users = visibleUsers(caller, 'leads');
  if (users === 'all') {
    const [stages, days] = await Promise.all([
      allStageTotals(caller.accountId),
      dayCounters(caller.accountId, mondayOf(at), at.toISOString().slice(0, 10)),
    ]);
    const createdThisWeek = days.filter((d) => d.what === 'created').reduce((n, d) => n + d.count, 0);
    return { stages: stages as StageFigure[], createdThisWeek };
  }
  if (!users.length) return { stages: [], createdThisWeek: 0 };
  const seen = new Set(users);
  const today = localDay(at.toISOString(), (await account).timezone);
  const [stageItems, dayItems] = await Promise.all([
    talliesStartingWith(caller.accountId, 'open#'),
    talliesBetween(caller.accountId, `day#${mondayOfDay(today)}`, `day#${today}#~`),
  ]);
  const stages = stageItems.flatMap((t): StageFigure[] => {
    const [, , stageId, userId] = t.key.split('#');
    return seen.has(userId) ? [{ stageId, count: t.count ?? 0, amount: t.amount ?? 0 }] : [];
  });
  const createdThisWeek = dayItems.reduce((n, t) => n + (seen.has(t.key.split('#')[3]) ? (t.count ?? 0) : 0), 0);
  return { stages, createdThisWeek };
}

/**
 * The caller's open tasks due today (in the account's time zone) and overdue (due before
 * now), from the due counters (derived/analytics-counters.ts): the years, months and days
 * before today's, the hours around today, and the tasks of the current hour itself. Five
 * Queries at any size; a time zone off the whole hour adds one for each partial hour.
 */
async function openTaskFigures(caller: Caller, at: Date, timeZone: string) {
  if (scopeOf(caller, 'tasks', 'view') === 'none') return { today: 0, overdue: 0 };
  const { accountId, userId } = caller;
  const iso = at.toISOString();
  const [year, month, day] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const before = (n: string) => String(Number(n) - 1).padStart(n.length, '0');
  const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);
  const thisHour = Math.floor(at.getTime() / HOUR) * HOUR;
  const bounds = dayBounds(at, timeZone);
  const [start, end] = [Date.parse(bounds.start), Date.parse(bounds.end)];
  // Whole hours of the local day, and the partial ones at its edges (zones off the hour).
  const [firstWhole, endWhole] = [Math.ceil(start / HOUR) * HOUR, Math.floor(end / HOUR) * HOUR];
  const midnightUtc = Date.parse(`${iso.slice(0, 10)}T00:00:00.000Z`);
  const lowHour = hourOf(Math.min(midnightUtc, firstWhole));
  const highHour = hourOf(Math.max(thisHour - HOUR, endWhole - HOUR));
  const sum = (items: { count?: number }[]) => items.reduce((n, t) => n + (t.count ?? 0), 0);
  const edges = [
    ...(start < firstWhole ? [countOpenTasks(accountId, userId, bounds.start, new Date(firstWhole).toISOString())] : []),
    ...(endWhole < end ? [countOpenTasks(accountId, userId, new Date(endWhole).toISOString(), bounds.end)] : []),
  ];
  const [years, months, days, hours, currentHour, ...edgeCounts] = await Promise.all([
    // Each upper bound with `#~`: the last period's shards (`#sN`) sort after its bare key.
    talliesBetween(accountId, tallyKeys.dueYear(userId, '0'), `${tallyKeys.dueYear(userId, before(year))}#~`),
    talliesBetween(accountId, tallyKeys.dueMonth(userId, `${year}-00`), `${tallyKeys.dueMonth(userId, `${year}-${before(month)}`)}#~`),
    talliesBetween(
      accountId,
      tallyKeys.dueDay(userId, `${year}-${month}-00`),
      `${tallyKeys.dueDay(userId, `${year}-${month}-${before(day)}`)}#~`,
    ),
    talliesBetween(accountId, tallyKeys.due(userId, lowHour), `${tallyKeys.due(userId, highHour)}#~`),
    countOpenTasks(accountId, userId, new Date(thisHour).toISOString(), iso),
    ...edges,
  ]);
  const hourAt = (key: string) => Date.parse(`${key.split('#')[2]}:00:00.000Z`);
  const overdue =
    sum(years) + sum(months) + sum(days) + sum(hours.filter((t) => hourAt(t.key) >= midnightUtc && hourAt(t.key) < thisHour)) + currentHour;
  const today = sum(hours.filter((t) => hourAt(t.key) >= firstWhole && hourAt(t.key) < endWhole)) + edgeCounts.reduce((n, c) => n + c, 0);
  return { today, overdue };
}

/** Counts the user's open tasks due in [from, to) on their due-ordered index (at most an hour of them). */
async function countOpenTasks(accountId: string, responsibleUserId: string, from: string, to: string) {
  const params = db.task.query
    .byResponsible({ accountId, responsibleUserId })
    .between({ state: 'open', dueAt: from.toLowerCase() }, { state: 'open', dueAt: to.toLowerCase() })
    .params() as Record<string, unknown>;
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new QueryCommand({ ...params, Select: 'COUNT', ExclusiveStartKey } as never));
    count += page.Count ?? 0;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

const RECORD_RIGHTS: Record<string, RightEntity> = { lead: 'leads', contact: 'contacts', company: 'companies', task: 'tasks' };

/**
 * The latest events. A caller who may not view everything sees only the events of records
 * they may view (judged by the record's responsible user in the event's own data).
 */
async function latestEvents(caller: Caller): Promise<CrmEvent[]> {
  const narrowed = Object.values(RECORD_RIGHTS).some((e) => scopeOf(caller, e, 'view') !== 'all');
  const { data } = await db.event.query
    .byId({ accountId: caller.accountId })
    .go({ limit: narrowed ? NARROWED_EVENTS_READ : RECENT_EVENTS, order: 'desc' });
  const events = data.map(toEvent);
  if (!narrowed) return events;
  return events.filter((e) => mayViewEvent(caller, e)).slice(0, RECENT_EVENTS);
}

function mayViewEvent(caller: Caller, event: CrmEvent) {
  const entity = RECORD_RIGHTS[event.entity.type];
  const record = entity && (event.data as Record<string, { responsibleUserId?: string } | undefined>)[event.entity.type];
  return !!record?.responsibleUserId && may(caller, entity, 'view', { userId: record.responsibleUserId });
}

/** Start and end of the day `at` falls in, in the time zone, as UTC instants. */
export function dayBounds(at: Date, timeZone: string) {
  const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const offsetAt = (d: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    );
    const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
    return asUtc - Math.floor(d.getTime() / 1000) * 1000;
  };
  const midnightUtc = Date.parse(`${local}T00:00:00.000Z`);
  const start = new Date(midnightUtc - offsetAt(new Date(midnightUtc)));
  const end = new Date(start.getTime() + 86_400_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

/** The Monday of the week a day (YYYY-MM-DD) falls in. */
const mondayOfDay = (day: string) => mondayOf(new Date(`${day}T00:00:00.000Z`));

/** The Monday (UTC) of the week `at` falls in, as YYYY-MM-DD. */
export function mondayOf(at: Date) {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
