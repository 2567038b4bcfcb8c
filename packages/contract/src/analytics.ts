// Reports (the seed's analytics tab), all read from counters: the sales funnel, the summary
// by day, week or month, and the managers' figures. Periods are days of the account's time zone.
import * as z from 'zod';
import { Id } from './common.ts';

/** A day of the account's time zone, `YYYY-MM-DD`. */
export const Day = z.iso.date();

/** The longest period a report covers: its counters are read per day. */
export const MAX_REPORT_DAYS = 366;

const period = {
  from: Day.optional(),
  to: Day.optional(),
};
const periodRules = [
  (q: { from?: string; to?: string }) =>
    !q.from || !q.to || (q.from <= q.to && Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * 86_400_000),
  { message: `to must not be before from, and the period at most ${MAX_REPORT_DAYS} days`, path: ['to'] as PropertyKey[] },
] as const;

export const FunnelQuery = z
  .strictObject({ ...period, pipelineId: Id.optional(), responsibleUserId: Id.optional() })
  .refine(...periodRules);
export type FunnelQuery = z.infer<typeof FunnelQuery>;

const Amounted = z.object({ count: z.number().int(), amount: z.number() });

export const Funnel = z.object({
  pipelineId: Id,
  from: Day,
  to: Day,
  stages: z.array(
    z.object({
      stageId: Id,
      name: z.string(),
      /** Open leads in the stage now, and their sum. */
      count: z.number().int(),
      amount: z.number(),
      /** Leads created in the period that were ever in this stage or a later one. */
      reached: z.number().int(),
      /** `reached` of the next stage (won after the last) / `reached` of this one, 0..1. */
      conversion: z.number(),
      /** How long the leads now in the stage have been in it, on average. */
      avgDaysInStage: z.number(),
    }),
  ),
  /** Leads in the won and lost stages now. */
  won: Amounted,
  lost: Amounted,
});
export type Funnel = z.infer<typeof Funnel>;

export const GroupBy = z.enum(['day', 'week', 'month']);
export const SummaryQuery = z
  .strictObject({ ...period, groupBy: GroupBy.default('day'), pipelineId: Id.optional(), responsibleUserId: Id.optional() })
  .refine(...periodRules);
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const Summary = z.object({
  from: Day,
  to: Day,
  groupBy: GroupBy,
  /** One row per day, week (its Monday) or month (`YYYY-MM`), empty periods included. */
  series: z.array(
    z.object({
      period: z.string(),
      created: z.number().int(),
      createdAmount: z.number(),
      won: z.number().int(),
      lost: z.number().int(),
      wonAmount: z.number(),
    }),
  ),
});
export type Summary = z.infer<typeof Summary>;

export const ManagersQuery = z
  .strictObject({ ...period, pipelineId: Id.optional(), responsibleUserId: Id.optional() })
  .refine(...periodRules);
export type ManagersQuery = z.infer<typeof ManagersQuery>;

export const ManagerFigures = z.object({
  userId: Id,
  /** Now, in open stages. */
  openLeads: z.number().int(),
  openAmount: z.number(),
  /** Closed in the period. */
  wonCount: z.number().int(),
  wonAmount: z.number(),
  lostCount: z.number().int(),
  /** Now; overdue = open and due before the current hour. */
  tasksOpen: z.number().int(),
  tasksOverdue: z.number().int(),
  /** Completed in the period. */
  tasksCompleted: z.number().int(),
  /** Contacts the user is responsible for now. */
  contacts: z.number().int(),
});
export type ManagerFigures = z.infer<typeof ManagerFigures>;

export const Managers = z.object({ from: Day, to: Day, items: z.array(ManagerFigures) });
export type Managers = z.infer<typeof Managers>;
