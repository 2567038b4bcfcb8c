// A user's notifications, newest first (ids are the ULIDs of the events they come from, so a
// second delivery of an event finds its notification already there). Unread ones are also in
// a sparse index for `?unread=true`.
import { defineEntity } from './define.ts';
import { SERVICE, gsi } from './base.ts';

export const NotificationEntity = defineEntity({
  model: { entity: 'notification', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    notificationId: { type: 'string', required: true, readOnly: true },
    type: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    read: { type: 'boolean', required: true },
    event: { type: 'any', required: true, readOnly: true },
  },
  indexes: {
    byUser: { pk: { field: 'pk', composite: ['accountId', 'userId'] }, sk: { field: 'sk', composite: ['notificationId'] } },
    unread: gsi(1, ['accountId', 'userId'], ['notificationId'], (a) => a.read === false),
  },
});
