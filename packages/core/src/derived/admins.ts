// At least one active admin, under concurrency: a counter of the account's active admins kept
// in the same transaction as every change of a user's role or activity. Taking one away is
// conditioned on `count > 1`, so of two admins demoting each other at once one transaction
// commits and the other fails its condition (or conflicts, retries and then fails it): a 409.
import { db } from '../db.ts';
import { conflict } from '../errors.ts';
import { put, update, type Write } from '../write/write.ts';

export const ADMIN_COUNT_KEY = 'activeAdmins';

type Member = { role: string; active: boolean };
const isActiveAdmin = (u: Member | null | undefined) => !!u && u.active && u.role === 'admin';

export const lastAdmin = () => conflict('An account must keep at least one active administrator: make another user admin first');

/** The counter of a new account: its first user is its admin. */
export const firstAdminWrite = (accountId: string): Write => put(db.counter.create({ accountId, key: ADMIN_COUNT_KEY, count: 1 }).params());

/**
 * The counter write for a user going from `before` to `after` (null: not a user), or none.
 * Accounts made before the counter count their admins once, in a put that a concurrent first
 * count makes fail (then the change is retried against the counter).
 */
export async function adminCountWrites(accountId: string, before: Member | null, after: Member | null): Promise<Write[]> {
  const delta = Number(isActiveAdmin(after)) - Number(isActiveAdmin(before));
  if (delta === 0) return [];
  const { data } = await db.counter.get({ accountId, key: ADMIN_COUNT_KEY }).go({ consistent: true });
  if (data) {
    const add = db.counter.update({ accountId, key: ADMIN_COUNT_KEY }).add({ count: delta });
    if (delta > 0) return [update(add.params())];
    return [update(add.where((a, op) => op.gt(a.count, 1)).params(), lastAdmin)];
  }
  const { data: admins } = await db.user.query
    .byId({ accountId })
    .where((a, op) => `${op.eq(a.role, 'admin')} AND ${op.eq(a.active, true)}`)
    .go({ pages: 'all', consistent: true, attributes: ['userId'] });
  if (delta < 0 && admins.length <= 1) throw lastAdmin();
  // A failed condition here means another change counted first: the aggregate retries it.
  return [put(db.counter.create({ accountId, key: ADMIN_COUNT_KEY, count: admins.length + delta }).params())];
}
