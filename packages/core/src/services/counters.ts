// Pre-aggregated figures, changed in the same transaction as the leads they count:
// the board's column headers and the reports read these instead of the leads.
import { db } from '../db.ts';
import { update, type Write } from '../write.ts';

export const stageCounterKey = (stageId: string) => `stage#${stageId}`;

type Counted = { accountId: string; stageId: string; price: number };

/** Moves a lead's count and amount from the stage it left to the stage it entered. */
export function stageCounterWrites(before: Counted | null, after: Counted | null): Write[] {
  const same = before && after && before.stageId === after.stageId;
  if (same && before.price === after.price) return [];
  if (same) return [bump(after.accountId, after.stageId, 0, after.price - before.price)];
  return [
    ...(before ? [bump(before.accountId, before.stageId, -1, -before.price)] : []),
    ...(after ? [bump(after.accountId, after.stageId, 1, after.price)] : []),
  ];
}

const bump = (accountId: string, stageId: string, count: number, amount: number) =>
  update(db.counter.update({ accountId, key: stageCounterKey(stageId) }).add({ count, amount }).params());

export async function stageTotals(accountId: string, stageIds: string[]) {
  if (stageIds.length === 0) return new Map<string, { count: number; amount: number }>();
  const { data } = await db.counter.get(stageIds.map((id) => ({ accountId, key: stageCounterKey(id) }))).go();
  return new Map(data.map((c) => [c.key.slice('stage#'.length), { count: c.count ?? 0, amount: c.amount ?? 0 }]));
}
