import { Funnel, FunnelQuery, Managers, ManagersQuery, Summary, SummaryQuery } from '../analytics.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'analytics.funnel': {
    summary: 'The sales funnel of a pipeline: leads per stage now, reached and conversion',
    query: FunnelQuery,
    response: Funnel,
  },
  'analytics.summary': { summary: 'Leads created, won and lost per day, week or month', query: SummaryQuery, response: Summary },
  'analytics.managers': { summary: "Each manager's leads, tasks and contacts", query: ManagersQuery, response: Managers },
} as const satisfies GroupOperations<'analytics'>;
