// Pre-aggregated figures, changed in the same transaction as the leads they count:
// the board's column headers and the reports read these instead of the leads.
import { db } from '../db.ts';
import { update, type Write } from '../write/write.ts';

/** Keyed by pipeline first, so one Query (begins_with) reads a whole board's totals. */
export const stageCounterKey = (pipelineId: string, stageId: string) => `stage#${pipelineId}#${stageId}`;

type Counted = { accountId: string; pipelineId: string; stageId: string; price: number };
type Flowing = Counted & { createdAt: string; status: 'open' | 'won' | 'lost'; closedAt?: string };

/** Per UTC day: leads created, won and lost (count and amount), for the desktop and reports. */
export const dayCounterKey = (day: string, what: 'created' | 'won' | 'lost') => `day#${day}#${what}`;

/** Moves a lead's count and amount from the stage it left to the stage it entered. */
export function stageCounterWrites(before: Counted | null, after: Counted | null): Write[] {
  const same = before && after && before.pipelineId === after.pipelineId && before.stageId === after.stageId;
  if (same && before.price === after.price) return [];
  if (same) return [bump(after, 0, after.price - before.price)];
  return [...(before ? [bump(before, -1, -before.price)] : []), ...(after ? [bump(after, 1, after.price)] : [])];
}

/**
 * Flow figures: a created lead counts on its creation day, a win or loss on the day it
 * closed. They are events in time, so deleting the lead later does not undo them.
 */
export function dayCounterWrites(before: Flowing | null, after: Flowing | null): Write[] {
  if (!after) return [];
  const writes: Write[] = [];
  const day = (iso: string) => iso.slice(0, 10);
  const add = (key: string, amount: number) =>
    writes.push(update(db.counter.update({ accountId: after.accountId, key }).add({ count: 1, amount }).params()));
  if (!before) add(dayCounterKey(day(after.createdAt), 'created'), after.price);
  if (after.status !== 'open' && after.closedAt && before?.status !== after.status) {
    add(dayCounterKey(day(after.closedAt), after.status), after.price);
  }
  return writes;
}

/** The day counters between two UTC days (inclusive): one Query. */
export async function dayCounters(accountId: string, fromDay: string, toDay: string) {
  const { data } = await db.counter.query
    .byKey({ accountId })
    .between({ key: `day#${fromDay}` }, { key: `day#${toDay}#~` })
    .go({ pages: 'all' });
  return data.map((c) => {
    const [, day, what] = c.key.split('#');
    return { day, what: what as 'created' | 'won' | 'lost', count: c.count ?? 0, amount: c.amount ?? 0 };
  });
}

/** All stage counters of the account: one Query (few items: one per stage). */
export async function allStageTotals(accountId: string) {
  const { data } = await db.counter.query.byKey({ accountId }).begins({ key: 'stage#' }).go({ pages: 'all' });
  return data.map((c) => {
    const [, pipelineId, stageId] = c.key.split('#');
    return { pipelineId, stageId, count: c.count ?? 0, amount: c.amount ?? 0 };
  });
}

const bump = (lead: Counted, count: number, amount: number) =>
  update(
    db.counter
      .update({ accountId: lead.accountId, key: stageCounterKey(lead.pipelineId, lead.stageId) })
      .add({ count, amount })
      .params(),
  );

/** Count and sum of the leads in each stage of a pipeline: one Query. */
export async function stageTotals(accountId: string, pipelineId: string) {
  const prefix = `stage#${pipelineId}#`;
  const { data } = await db.counter.query.byKey({ accountId }).begins({ key: prefix }).go({ pages: 'all' });
  return new Map(data.map((c) => [c.key.slice(prefix.length), { count: c.count ?? 0, amount: c.amount ?? 0 }]));
}
