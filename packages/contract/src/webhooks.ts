// Webhooks: an admin subscribes a URL to event types (and optionally to one pipeline's leads);
// each event becomes one signed delivery per webhook, retried for a day and logged.
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Timestamp } from './common.ts';
import { EVENT_TYPES, EventType } from './events.ts';

/** How long a failing delivery is retried before it is `failed` and its webhook switched off. */
export const WEBHOOK_RETRY_HOURS = 24;
/** How long the previous secret still signs after a rotation, unless the rotation says otherwise. */
export const WEBHOOK_SECRET_GRACE_HOURS = 24;

const WebhookUrl = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .meta({ description: 'https in AWS (http and loopback only in the local runtime); no private, loopback or metadata address' });

const Subscribed = z
  .array(EventType)
  .min(1)
  .max(EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'lists an event type twice');

export const Webhook = EntityBase.extend({
  url: z.string(),
  events: z.array(EventType),
  /** Only lead events of this pipeline (other event types are not filtered). */
  pipelineId: Id.nullable(),
  enabled: z.boolean(),
  /** Why it was switched off by the CRM (after a day of failed deliveries); null when enabled or switched off by hand. */
  disabledReason: z.string().nullable(),
  disabledAt: Timestamp.nullable(),
  /** Until when the secret before the last rotation still signs (a second `v1=`). */
  previousSecretExpiresAt: Timestamp.nullable(),
});
export type Webhook = z.infer<typeof Webhook>;

/** A created webhook or a rotated secret: the only answers that carry the secret. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookCreate = z.strictObject({ url: WebhookUrl, events: Subscribed, pipelineId: Id.optional() });
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookPatch = z.strictObject({
  url: WebhookUrl.optional(),
  events: Subscribed.optional(),
  pipelineId: Id.nullable().optional(),
  /** true switches a disabled webhook on again (and clears the notice). */
  enabled: z.boolean().optional(),
});
export type WebhookPatch = z.infer<typeof WebhookPatch>;

export const WebhookListQuery = ListQuery;

export const RotateSecret = z.strictObject({
  /** Hours the old secret keeps signing beside the new one (0 ends it at once). */
  graceHours: z.number().int().min(0).max(168).default(WEBHOOK_SECRET_GRACE_HOURS),
});

export const DeliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DeliveryAttempt = z.object({
  attempt: z.number().int().min(1),
  at: Timestamp,
  /** The receiver's HTTP status; null when no answer came (refused, timed out, blocked). */
  responseCode: z.number().int().nullable(),
  latencyMs: z.number().int().min(0),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const WebhookDelivery = z.object({
  /** Also the X-Crm-Delivery header; one delivery per event and webhook. */
  id: Id,
  webhookId: Id,
  eventId: Id,
  eventType: EventType,
  status: DeliveryStatus,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  responseCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  createdAt: Timestamp,
  deliveredAt: Timestamp.nullable(),
  nextAttemptAt: Timestamp.nullable(),
  /** Every attempt, oldest first (the latest 50). */
  log: z.array(DeliveryAttempt),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const DeliveryListQuery = ListQuery.extend({ status: DeliveryStatus.optional() });

/** What a retry schedule puts on the bus for functions/consumers/webhooks.ts: the delivery and its next attempt. */
export const WEBHOOK_ATTEMPT = { source: 'crm.webhooks', detailType: 'webhook.attempt' } as const;
export const WebhookAttempt = z.object({ accountId: Id, webhookId: Id, deliveryId: Id, attempt: z.number().int().min(1) });
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;
