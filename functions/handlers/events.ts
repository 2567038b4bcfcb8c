// The event log.
import { listEvents } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('events', {
  'GET /api/v1/events': async ({ caller, query }) => listEvents(caller, query),
});
