// In-app notifications: what a user should see (a task due, a lead assigned to them, an
// incoming request), each carrying the event it came from.
import * as z from 'zod';
import { Id, ListQuery, Timestamp } from './common.ts';
import { CrmEvent } from './events.ts';

export const NOTIFICATION_TYPES = ['task_due', 'lead_assigned', 'incoming_request'] as const;
export const NotificationType = z.enum(NOTIFICATION_TYPES);

export const Notification = z.object({ id: Id, type: NotificationType, at: Timestamp, read: z.boolean(), event: CrmEvent });
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = ListQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  /** How many of the user's notifications are unread (kept as a counter). */
  unreadCount: z.number().int().min(0),
});
export const ReadAll = z.object({ unreadCount: z.literal(0) });
