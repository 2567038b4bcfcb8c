// The reports: funnel, summary and managers, read from counters.
import { funnelReport, managersReport, summaryReport } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('analytics', {
  'GET /api/v1/analytics/funnel': async ({ caller, query }) => funnelReport(caller, query),
  'GET /api/v1/analytics/summary': async ({ caller, query }) => summaryReport(caller, query),
  'GET /api/v1/analytics/managers': async ({ caller, query }) => managersReport(caller, query),
});
