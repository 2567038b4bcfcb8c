// Webhooks and their deliveries. A delivery is keyed by its webhook and the event's id, so a
// redelivered event finds the delivery it made before instead of making a second one.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes } from './base.ts';

export const WebhookEntity = defineEntity({
  model: { entity: 'webhook', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    webhookId: { type: 'string', required: true, readOnly: true },
    url: { type: 'string', required: true },
    events: { type: 'list', items: { type: 'string' }, required: true },
    pipelineId: { type: 'string' },
    enabled: { type: 'boolean', required: true },
    disabledReason: { type: 'string' },
    disabledAt: { type: 'string' },
    /** Signs every delivery; shown once, when made. */
    secret: { type: 'string', required: true },
    /** The secret before the last rotation, signing beside the new one until previousSecretExpiresAt. */
    previousSecret: { type: 'string' },
    previousSecretExpiresAt: { type: 'string' },
  },
  indexes: {
    // All of an account's webhooks are one Query: the delivery consumer picks the subscribed ones from it.
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['webhookId'] } },
  },
});

export const WebhookDeliveryEntity = defineEntity({
  model: { entity: 'webhookDelivery', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    webhookId: { type: 'string', required: true, readOnly: true },
    /** The event's id (a ULID, so newest first is descending order). */
    deliveryId: { type: 'string', required: true, readOnly: true },
    eventType: { type: 'string', required: true },
    /** The envelope as sent: the same body on every attempt. */
    body: { type: 'string', required: true },
    status: { type: ['pending', 'delivered', 'failed'] as const, required: true },
    /** Attempts claimed so far; an attempt claims its number before it sends, so two runners never send the same one. */
    attempts: { type: 'number', required: true },
    /** When the current series of attempts began (creation or resend): retries stop a day after it. */
    seriesStartedAt: { type: 'string', required: true },
    createdAt: { type: 'string', required: true, readOnly: true },
    deliveredAt: { type: 'string' },
    nextAttemptAt: { type: 'string' },
    lastError: { type: 'string' },
    responseCode: { type: 'number' },
    latencyMs: { type: 'number' },
    log: { type: 'any', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byWebhook: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['webhookId', 'deliveryId'] } },
  },
});
