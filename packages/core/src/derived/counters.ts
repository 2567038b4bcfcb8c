// Pre-aggregated figures, changed in the same transaction as the leads they count:
// the board's column headers and the reports read these instead of the leads.
import { db } from '../db.ts';
import { addTo } from '../write/adds.ts';
import type { Write } from '../write/write.ts';

/**
 * Every create in an account moves its day counter and its record count: spread over this many items (chosen by record id), none takes more than a share of
 * the account's creates (docs/PERFORMANCE.md, "Write rate per item"); reads sum them.
 */
export const COUNTER_SHARDS = 8;

/** The key of shard `n` of a counter. */
const shardKey = (key: string, n: number) => (n ? `${key}#s${n}` : key);

/** A record's shard: the same for every write of the record, so its before and after meet. */
export const shardOf = (id: string, shards: number) => [...id].reduce((n, ch) => n + ch.charCodeAt(0), 0) % shards;

/**
 * The key of a counter's shard for a record. Shard 0 is the bare key, the one every item
 * written before sharding has: those keep counting and no backfill is needed.
 */
export const shardedKey = (key: string, recordId: string, shards = COUNTER_SHARDS) => shardKey(key, shardOf(recordId, shards));

/** The counter key a shard's key belongs to. */
export const unsharded = (key: string) => key.replace(/#s\d+$/, '');

/**
 * Keyed by pipeline first, so one Query (begins_with) reads a whole board's totals. Every
 * create into a stage and every move out of it moves the stage's counter: spread over this many
 * items by lead id (shard 0 the bare key, as before sharding), half the per-item limit at 1,000
 * creates a second into one stage. Fewer than the account-wide counters' 8 because deleting a
 * stage, or a pipeline, conditions on every shard of its stages being zero, inside a transaction
 * of at most 100 items (docs/PERFORMANCE.md, "Write rate per item").
 */
export const STAGE_COUNTER_SHARDS = 4;

/** The stage's counter, the bare key: shard 0. */
export const stageCounterKey = (pipelineId: string, stageId: string) => `stage#${pipelineId}#${stageId}`;

/** Every shard's key of a stage's counter (a delete's emptiness check). */
export const stageCounterKeys = (pipelineId: string, stageId: string) =>
  Array.from({ length: STAGE_COUNTER_SHARDS }, (_, n) => shardKey(stageCounterKey(pipelineId, stageId), n));

type Counted = { accountId: string; leadId: string; pipelineId: string; stageId: string; price: number };
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
    writes.push(addTo('counter', after.accountId, shardedKey(key, after.leadId), { count: 1, amount }));
  if (!before) add(dayCounterKey(day(after.createdAt), 'created'), after.price);
  if (after.status !== 'open' && after.closedAt && before?.status !== after.status) {
    add(dayCounterKey(day(after.closedAt), after.status), after.price);
  }
  return writes;
}

/** The day counters between two UTC days (inclusive), one entry per shard: one Query. */
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

/** All stage counters of the account: one Query (few items: a few shards per stage), an entry per shard. */
export async function allStageTotals(accountId: string) {
  const { data } = await db.counter.query.byKey({ accountId }).begins({ key: 'stage#' }).go({ pages: 'all' });
  return data.map((c) => {
    const [, pipelineId, stageId] = c.key.split('#');
    return { pipelineId, stageId, count: c.count ?? 0, amount: c.amount ?? 0 };
  });
}

const bump = (lead: Counted, count: number, amount: number) =>
  addTo('counter', lead.accountId, shardedKey(stageCounterKey(lead.pipelineId, lead.stageId), lead.leadId, STAGE_COUNTER_SHARDS), {
    count,
    amount,
  });

/** Count and sum of the leads in each stage of a pipeline: one Query. */
export async function stageTotals(accountId: string, pipelineId: string) {
  const prefix = `stage#${pipelineId}#`;
  const { data } = await db.counter.query.byKey({ accountId }).begins({ key: prefix }).go({ pages: 'all' });
  const totals = new Map<string, { count: number; amount: number }>();
  for (const c of data) {
    const stageId = unsharded(c.key).slice(prefix.length);
    const sum = totals.get(stageId) ?? { count: 0, amount: 0 };
    totals.set(stageId, { count: sum.count + (c.count ?? 0), amount: sum.amount + (c.amount ?? 0) });
  }
  return totals;
}
