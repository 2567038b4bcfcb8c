// The desktop's figures: board totals and day counters (kept with every lead change), the
// caller's due tasks counted on their index, the latest events. Seven reads, none a Scan,
// whatever the number of leads.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Dashboard } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db, dynamo } from '../db.ts';
import { now } from '../ids.ts';
import { getAccount } from './accounts.ts';
import { allStageTotals, dayCounters } from '../derived/counters.ts';
import { toEvent } from './events.ts';
import { allPipelines } from './pipelines.ts';

const RECENT_EVENTS = 10;

export async function dashboard(caller: Caller): Promise<Dashboard> {
  const { accountId, userId } = caller;
  const at = new Date();
  // Only "today" waits for the account (its time zone); every other read starts at once.
  const tasksToday = getAccount(accountId).then((account) => {
    const today = dayBounds(at, account.timezone);
    return countOpenTasks(accountId, userId, today.start, today.end);
  });
  const [pipelines, stageTotals, days, todayCount, tasksOverdue, events] = await Promise.all([
    allPipelines(caller),
    allStageTotals(accountId),
    dayCounters(accountId, mondayOf(at), at.toISOString().slice(0, 10)),
    tasksToday,
    countOpenTasks(accountId, userId, '0', now()),
    db.event.query.byId({ accountId }).go({ limit: RECENT_EVENTS, order: 'desc' }),
  ]);
  const openStages = new Set(pipelines.flatMap((p) => p.stages.filter((s) => s.type === 'open').map((s) => s.id)));
  const open = stageTotals.filter((t) => openStages.has(t.stageId));
  return {
    openLeads: open.reduce((n, t) => n + t.count, 0),
    openAmount: open.reduce((n, t) => n + t.amount, 0),
    tasksToday: todayCount,
    tasksOverdue,
    newLeadsThisWeek: days.filter((d) => d.what === 'created').reduce((n, d) => n + d.count, 0),
    recentEvents: events.data.map(toEvent),
  };
}

/** Counts the user's open tasks due in [from, to) on their due-ordered index. */
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

/** The Monday (UTC) of the week `at` falls in, as YYYY-MM-DD. */
export function mondayOf(at: Date) {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}
