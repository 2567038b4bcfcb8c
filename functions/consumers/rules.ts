// Which bus events reach which consumer: each row is one EventBridge rule and one Lambda
// (infra/lib/stacks/events-stack.ts) and, locally, one rule of the local bus (packages/local/src/events).
import type { EventType } from '@crm/contract';
import { AUTOMATION_DUE } from '@crm/contract/automations';
import { TASK_REMINDER } from '@crm/contract/tasks';
import { WEBHOOK_ATTEMPT } from '@crm/contract/webhooks';

/** The `source` of every CRM event on the bus; the Pipe sets it, the API contract promises it. */
export const EVENT_SOURCE = 'crm';

/**
 * An EventBridge pattern (spelled as EventBridge spells it, `detail-type`) over what the bus carries:
 * the CRM's events, whose detail-types come from the contract's catalogue so that a misspelled
 * type does not compile, and the reminders the Scheduler puts there.
 */
export type ConsumerPattern =
  | BusPattern<typeof EVENT_SOURCE, EventType>
  | BusPattern<typeof TASK_REMINDER.source, typeof TASK_REMINDER.detailType>
  | BusPattern<typeof WEBHOOK_ATTEMPT.source, typeof WEBHOOK_ATTEMPT.detailType>
  | BusPattern<typeof AUTOMATION_DUE.source, typeof AUTOMATION_DUE.detailType>;

type BusPattern<Source extends string, DetailType extends string> = {
  source: readonly [Source];
  'detail-type'?: readonly DetailType[];
  detail?: Record<string, unknown>;
};

export interface ConsumerRule {
  /** kebab-case: names the rule, its Lambda and its dead-letter queue. */
  name: string;
  pattern: ConsumerPattern;
  /** A file name in functions/consumers, without `.ts`. */
  consumer: string;
  /** The Lambda's timeout when not the usual 60 s. */
  timeoutSeconds?: number;
}

export const consumerRules: readonly ConsumerRule[] = [
  {
    name: 'task-reminders',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['task.created', 'task.updated', 'task.completed', 'task.deleted'] },
    consumer: 'task-reminders',
  },
  {
    name: 'trash-links',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['contact.deleted', 'company.deleted', 'contact.restored', 'company.restored'] },
    consumer: 'trash-links',
  },
  // A long file is written over minutes; a worker that times out is retried and resumes at its checkpoint.
  {
    name: 'import-run',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['import.started', 'import.undo_requested'] },
    consumer: 'import-run',
    timeoutSeconds: 900,
  },
  { name: 'task-due', pattern: { source: [TASK_REMINDER.source], 'detail-type': [TASK_REMINDER.detailType] }, consumer: 'task-due' },
  // Only pipeline changes: a stage marked for removal has its leads moved and then goes.
  { name: 'stage-removal', pattern: { source: [EVENT_SOURCE], 'detail-type': ['pipeline.updated'] }, consumer: 'stage-removal' },
  // Every CRM event may have a subscriber; the consumer reads the account's webhooks once per event.
  { name: 'webhook-deliveries', pattern: { source: [EVENT_SOURCE] }, consumer: 'webhooks' },
  {
    name: 'webhook-attempts',
    pattern: { source: [WEBHOOK_ATTEMPT.source], 'detail-type': [WEBHOOK_ATTEMPT.detailType] },
    consumer: 'webhooks',
  },
  {
    name: 'notifications',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['task.due', 'lead.created', 'lead.updated', 'incoming.received'] },
    consumer: 'notifications',
  },
  {
    name: 'automations',
    pattern: { source: [EVENT_SOURCE], 'detail-type': ['lead.created', 'lead.stage_changed'] },
    consumer: 'automations',
  },
  // Live updates: every CRM event to the account's open sockets whose users may see it.
  { name: 'live-updates', pattern: { source: [EVENT_SOURCE] }, consumer: 'live' },
  // Delayed automations: the Scheduler puts each booked run on the bus when its delay is over.
  {
    name: 'automation-due',
    pattern: { source: [AUTOMATION_DUE.source], 'detail-type': [AUTOMATION_DUE.detailType] },
    consumer: 'automation-due',
  },
];
