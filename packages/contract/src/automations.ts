// Automations ("digital pipeline"): per-stage rules run when a lead enters the stage.
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Money, Tag } from './common.ts';
import { text } from './text.ts';

export const AutomationCondition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('budget'), op: z.enum(['>=', '<=']), value: Money }),
  z.strictObject({ type: z.literal('has_tag'), tag: Tag }),
]);
export type AutomationCondition = z.infer<typeof AutomationCondition>;

export const AutomationAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('create_task'),
    text: text({ min: 1, max: 2000 }),
    typeId: Id,
    dueInMinutes: z.number().int().min(0).max(525_600),
  }),
  z.strictObject({ type: z.literal('set_responsible'), userId: Id }),
  z.strictObject({ type: z.literal('add_tag'), tag: Tag }),
  /** Beyond the contract's list: moves the lead on within its pipeline (amoCRM's "change stage"). */
  z.strictObject({ type: z.literal('move_to_stage'), stageId: Id }),
  z.strictObject({ type: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }).max(2048) }),
  /** Widgets (issue 13): an SMS to the lead's first contact, sent by the SMS widget (functions/widgets/sms). */
  z.strictObject({ type: z.literal('send_sms'), text: text({ min: 1, max: 1600, multiline: true }) }),
]);
export type AutomationAction = z.infer<typeof AutomationAction>;

export const Automation = EntityBase.extend({
  pipelineId: Id,
  stageId: Id,
  trigger: z.literal('enter'),
  delayMinutes: z.number().int().nullable(),
  condition: AutomationCondition.nullable(),
  action: AutomationAction,
});
export type Automation = z.infer<typeof Automation>;

export const AutomationCreate = z.strictObject({
  pipelineId: Id,
  stageId: Id,
  trigger: z.literal('enter').default('enter'),
  delayMinutes: z.number().int().min(1).max(525_600).optional(),
  condition: AutomationCondition.optional(),
  action: AutomationAction,
});
export const AutomationPatch = z.strictObject({
  stageId: Id.optional(),
  delayMinutes: z.number().int().min(1).max(525_600).nullable().optional(),
  condition: AutomationCondition.nullable().optional(),
  action: AutomationAction.optional(),
});
export const AutomationListQuery = ListQuery.extend({ pipelineId: Id.optional() });

/**
 * A delayed automation's run: booked on the Scheduler when the lead enters the stage, put on
 * the bus `delayMinutes` later (functions/consumers/automation-due.ts acts if the lead is
 * still in that stage). `eventId` is the entering event, so the run stays idempotent by it.
 */
export const AUTOMATION_DUE = { source: 'crm.automations', detailType: 'automation.due' } as const;
export const AutomationDue = z.object({ accountId: Id, automationId: Id, leadId: Id, stageId: Id, eventId: Id });
export type AutomationDue = z.infer<typeof AutomationDue>;
