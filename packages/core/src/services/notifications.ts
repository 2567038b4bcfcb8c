// In-app notifications: made from bus events by functions/consumers/notifications.ts (so a user
// who is offline finds them later), one per event and recipient, with an unread counter per
// user kept in the same transaction as each notification's write.
import type { z } from 'zod';
import type { CrmEvent, Notification, NotificationListQuery } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { DomainError, conflict, notFound } from '../errors.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { commit, put, RaceLost, retrying, update, type Write } from '../write/write.ts';

type NotificationItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.notification.get>['go']>>['data']>;
type NotificationType = Notification['type'];

const toNotification = (n: NotificationItem): Notification => ({
  id: n.notificationId,
  type: n.type as NotificationType,
  at: n.at,
  read: n.read,
  event: n.event as CrmEvent,
});

const unreadKey = (userId: string) => `notifications-unread#${userId}`;
const countUnread = (accountId: string, userId: string, by: number): Write =>
  update(
    db.counter
      .update({ accountId, key: unreadKey(userId) })
      .add({ count: by })
      .params(),
  );

/** Who an event notifies, and as what: the task's responsible when it falls due; a lead's new responsible unless they assigned it themselves. */
export function recipientsOf(event: CrmEvent): Array<{ userId: string; type: NotificationType }> {
  const byUser = event.actor.type === 'user' ? event.actor.id : undefined;
  const data = event.data as Record<string, { responsibleUserId?: string } | undefined>;
  if (event.type === 'task.due' && data.task?.responsibleUserId) return [{ userId: data.task.responsibleUserId, type: 'task_due' }];
  if (event.type === 'lead.created' || event.type === 'lead.updated') {
    const assigned =
      event.type === 'lead.created'
        ? data.lead?.responsibleUserId
        : (event.changes?.find((c) => c.field === 'responsibleUserId')?.to as string | undefined);
    return assigned && assigned !== byUser ? [{ userId: assigned, type: 'lead_assigned' }] : [];
  }
  const incoming = data.incoming ?? data.request;
  if (event.type === 'incoming.received' && incoming?.responsibleUserId) {
    return [{ userId: incoming.responsibleUserId, type: 'incoming_request' }];
  }
  return [];
}

const alreadyThere = () => conflict('This event already notified this user');

/** Writes the event's notifications; a second delivery of the event finds them there and adds nothing. */
export async function notifyOf(event: CrmEvent) {
  for (const { userId, type } of recipientsOf(event)) {
    const item: NotificationItem = {
      accountId: event.accountId,
      userId,
      notificationId: event.id,
      type,
      at: event.occurredAt,
      read: false,
      event,
    };
    try {
      await commit({
        caller: { accountId: event.accountId, actor: { type: 'system', id: 'notifications' } },
        writes: [put(db.notification.create(item).params(), alreadyThere), countUnread(event.accountId, userId, 1)],
        events: [],
      });
    } catch (err) {
      if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
    }
  }
}

async function unreadCount(caller: Caller) {
  const { data } = await db.counter.get({ accountId: caller.accountId, key: unreadKey(caller.userId) }).go();
  return Math.max(0, data?.count ?? 0);
}

export async function listNotifications(caller: Caller, query: z.output<typeof NotificationListQuery>) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const key = { accountId: caller.accountId, userId: caller.userId };
  // The counter first, then the page: one GetItem and one Query, in that order.
  const unread = await unreadCount(caller);
  const page = await pageOf(
    (o) => (query.unread === 'true' ? db.notification.query.unread(key) : db.notification.query.byUser(key)).go({ ...o, order: 'desc' }),
    { limit: query.limit, cursor },
    toNotification,
  );
  return { ...page, unreadCount: unread };
}

/** Marks read the given unread items of the caller, and lowers the counter by as many, in one transaction. */
const markRead = (caller: Caller, items: NotificationItem[]) =>
  commit({
    caller,
    writes: [
      ...items.map((n) =>
        put(
          db.notification
            .put({ ...n, read: true })
            .where((a, op) => op.eq(a.read, false))
            .params(),
        ),
      ),
      countUnread(caller.accountId, caller.userId, -items.length),
    ],
    events: [],
  });

export async function readNotification(caller: Caller, id: string): Promise<Notification> {
  return retrying(async () => {
    const { data } = await db.notification
      .get({ accountId: caller.accountId, userId: caller.userId, notificationId: id })
      .go({ consistent: true });
    if (!data) throw notFound('Notification');
    if (!data.read) await markRead(caller, [data]);
    return toNotification({ ...data, read: true });
  });
}

/** Up to this many notifications per transaction (DynamoDB takes 100 items, one is the counter). */
const READ_ALL_BATCH = 50;
const READ_ALL_ROUNDS = 200;

export async function readAllNotifications(caller: Caller) {
  const key = { accountId: caller.accountId, userId: caller.userId };
  // Bounded: the index lags the table a moment, so a batch already read may show once more.
  for (let round = 0; round < READ_ALL_ROUNDS; round++) {
    const { data } = await db.notification.query.unread(key).go({ limit: READ_ALL_BATCH });
    const fresh = await Promise.all(
      data.map((n) => db.notification.get({ ...key, notificationId: n.notificationId }).go({ consistent: true })),
    );
    const unread = fresh.map((f) => f.data).filter((n): n is NotificationItem => !!n && !n.read);
    if (unread.length === 0 && data.length < READ_ALL_BATCH) break;
    try {
      if (unread.length > 0) await markRead(caller, unread);
    } catch (err) {
      // One of them was read meanwhile: the next round reads the index again.
      if (!(err instanceof RaceLost)) throw err;
    }
  }
  return { unreadCount: 0 as const };
}
