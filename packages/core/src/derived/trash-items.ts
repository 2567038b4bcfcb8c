// A deleted lead, contact or company is kept whole in a trash item for TRASH_DAYS (purged by
// the table's TTL on `expiresAt`), written in the delete's transaction.
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { newId, now } from '../ids.ts';
import { put, type Write } from '../write/write.ts';

export const TRASH_DAYS = 30;

/**
 * A condition that the trash item is as it was read: every change of it (a delete, a restore,
 * a background batch) sets a new stamp, so a write based on an older read fails and re-reads.
 */
export const trashItemAsRead = (read: { stamp?: string }) => (a: any, op: any) =>
  read.stamp === undefined ? op.notExists(a.stamp) : op.eq(a.stamp, read.stamp);

/** `unlinking`: links beyond the delete's own transaction are left for cascades/trash-links.ts. */
export function trashWrites(
  caller: Caller,
  entityType: string,
  entityId: string,
  name: string,
  item: unknown,
  links?: unknown,
  unlinking = false,
): Write[] {
  const deletedAt = now();
  return [
    put(
      db.trash
        .put({
          accountId: caller.accountId,
          entityType,
          entityId,
          name,
          item,
          links,
          deletedAt,
          deletedBy: caller.userId,
          ...(unlinking && { unlinking }),
          stamp: newId(),
          expiresAt: Math.floor(Date.parse(deletedAt) / 1000) + TRASH_DAYS * 86_400,
        })
        .params(),
    ),
  ];
}
