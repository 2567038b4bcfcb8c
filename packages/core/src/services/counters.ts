// Pre-aggregated figures, changed in the same transaction as the leads they count:
// the board's column headers and the reports read these instead of the leads.
import { db } from '../db.ts';
import { update, type Write } from '../write.ts';

/** Keyed by pipeline first, so one Query (begins_with) reads a whole board's totals. */
export const stageCounterKey = (pipelineId: string, stageId: string) => `stage#${pipelineId}#${stageId}`;

type Counted = { accountId: string; pipelineId: string; stageId: string; price: number };

/** Moves a lead's count and amount from the stage it left to the stage it entered. */
export function stageCounterWrites(before: Counted | null, after: Counted | null): Write[] {
  const same = before && after && before.pipelineId === after.pipelineId && before.stageId === after.stageId;
  if (same && before.price === after.price) return [];
  if (same) return [bump(after, 0, after.price - before.price)];
  return [...(before ? [bump(before, -1, -before.price)] : []), ...(after ? [bump(after, 1, after.price)] : [])];
}

const bump = (lead: Counted, count: number, amount: number) =>
  update(db.counter.update({ accountId: lead.accountId, key: stageCounterKey(lead.pipelineId, lead.stageId) }).add({ count, amount }).params());

/** Count and sum of the leads in each stage of a pipeline: one Query. */
export async function stageTotals(accountId: string, pipelineId: string) {
  const prefix = `stage#${pipelineId}#`;
  const { data } = await db.counter.query.byKey({ accountId }).begins({ key: prefix }).go({ pages: 'all' });
  return new Map(data.map((c) => [c.key.slice(prefix.length), { count: c.count ?? 0, amount: c.amount ?? 0 }]));
}
