// The caller's own notifications: list (with the unread count), mark one or all read.
import { listNotifications, readAllNotifications, readNotification } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('notifications', {
  'GET /api/v1/notifications': async ({ caller, query }) => listNotifications(caller, query),
  'POST /api/v1/notifications/{id}/read': async ({ caller, params }) => readNotification(caller, params.id),
  'POST /api/v1/notifications/read-all': async ({ caller }) => readAllNotifications(caller),
});
