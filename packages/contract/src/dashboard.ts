// The desktop: what a sales person sees first, read from counters and a few short Queries.
import * as z from 'zod';
import { CrmEvent } from './events.ts';

export const Dashboard = z.object({
  /** Leads in open stages of every pipeline, and their sum. */
  openLeads: z.number().int(),
  openAmount: z.number(),
  /** The caller's open tasks due today (in the account's time zone) and overdue ones. */
  tasksToday: z.number().int(),
  tasksOverdue: z.number().int(),
  /** Leads created since Monday (UTC days). */
  newLeadsThisWeek: z.number().int(),
  recentEvents: z.array(CrmEvent),
});
export type Dashboard = z.infer<typeof Dashboard>;
