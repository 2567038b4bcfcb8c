import { Notification, NotificationListQuery, NotificationPage, ReadAll } from '../notifications.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'notifications.list': {
    summary: "The caller's notifications, newest first, with the unread count",
    query: NotificationListQuery,
    response: NotificationPage,
  },
  'notifications.read': { summary: 'Mark a notification read', response: Notification },
  'notifications.readAll': { summary: 'Mark all notifications read', response: ReadAll },
} as const satisfies GroupOperations<'notifications'>;
