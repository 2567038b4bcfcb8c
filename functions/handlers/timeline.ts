// Timelines of leads, contacts and companies: events, notes and tasks, newest first.
import type { RecordType } from '@crm/contract';
import { listTimeline, type Caller } from '@crm/core';
import { defineResource } from '../http/resource.ts';

const timelineOf =
  (type: RecordType) =>
  async ({ caller, params, query }: { caller: Caller; params: Record<string, string>; query: Parameters<typeof listTimeline>[2] }) =>
    listTimeline(caller, { type, id: params.id! }, query);

export const handler = defineResource('timeline', {
  'GET /api/v1/leads/{id}/timeline': timelineOf('lead'),
  'GET /api/v1/contacts/{id}/timeline': timelineOf('contact'),
  'GET /api/v1/companies/{id}/timeline': timelineOf('company'),
});
