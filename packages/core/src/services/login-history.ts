// Login history (admin): each sign-in with its time, user, address and device. Sign-in itself
// happens against Cognito; the web app reports it with POST /sessions right after, and the
// token's auth_time makes the report idempotent (a refreshed token keeps it).
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { LoginEntry, LoginHistoryQuery } from '@crm/contract';
import type { Caller } from '../context.ts';
import type { LoginEntity } from '../entities/login.ts';
import { db } from '../db.ts';
import { invalid } from '../errors.ts';
import { deviceOf } from '../model/device.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';

type LoginItem = EntityItem<typeof LoginEntity>;

/** A year of sign-ins is kept. */
const KEEP_S = 365 * 24 * 3600;

const toLoginEntry = (l: LoginItem): LoginEntry => ({
  id: l.loginId,
  userId: l.userId,
  at: l.at,
  ip: l.ip,
  device: l.device,
  success: l.success,
});

export interface SignIn {
  /** The token's auth_time (epoch seconds): when the password was checked. */
  authTime: number;
  ip: string;
  userAgent?: string;
  success: boolean;
}

/** Records the caller's sign-in once; `recorded` is false when this auth_time was already in. */
export async function recordLogin(caller: Caller, signIn: SignIn): Promise<{ login: LoginEntry; recorded: boolean }> {
  if (!Number.isInteger(signIn.authTime) || signIn.authTime <= 0) throw invalid('The token carries no auth_time');
  const item: LoginItem = {
    accountId: caller.accountId,
    loginId: `${signIn.authTime}-${caller.userId}`,
    userId: caller.userId,
    at: new Date(signIn.authTime * 1000).toISOString(),
    ip: signIn.ip,
    device: deviceOf(signIn.userAgent),
    ...(signIn.userAgent && { userAgent: signIn.userAgent.slice(0, 512) }),
    success: signIn.success,
    expiresAt: signIn.authTime + KEEP_S,
  };
  try {
    await db.login.create(item).go();
    return { login: toLoginEntry(item), recorded: true };
  } catch (err) {
    if ((err as { cause?: { name?: string } }).cause?.name !== 'ConditionalCheckFailedException') throw err;
    const { data } = await db.login.get({ accountId: item.accountId, at: item.at, loginId: item.loginId }).go({ consistent: true });
    return { login: toLoginEntry(data ?? item), recorded: false };
  }
}

/** Newest first; per user through gsi1; a period as a key range, so each page is one Query. */
export async function listLoginHistory(caller: Caller, query: z.output<typeof LoginHistoryQuery>) {
  requireAdmin(caller);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { accountId } = caller;
  const index = query.userId ? db.login.query.byUser({ accountId, userId: query.userId }) : db.login.query.byTime({ accountId });
  // The upper bound takes every id at `to` itself ('~' sorts after any id).
  const ranged =
    query.from && query.to
      ? index.between({ at: query.from }, { at: query.to, loginId: '~' })
      : query.from
        ? index.gte({ at: query.from })
        : query.to
          ? index.lte({ at: query.to, loginId: '~' })
          : index;
  return pageOf((o) => ranged.go({ ...o, order: 'desc' }), { limit: query.limit, cursor }, toLoginEntry);
}
