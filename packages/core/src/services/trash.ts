// The trash: deleted leads, contacts and companies kept 30 days with their links.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { now } from '../ids.ts';
import { put, type Write } from '../write.ts';

export const TRASH_DAYS = 30;

export function trashWrites(caller: Caller, entityType: string, entityId: string, name: string, item: unknown): Write[] {
  const deletedAt = now();
  return [put(db.trash.put({
    accountId: caller.accountId, entityType, entityId, name, item, deletedAt, deletedBy: caller.userId,
    expiresAt: Math.floor(Date.parse(deletedAt) / 1000) + TRASH_DAYS * 86_400,
  }).params())];
}
