// Webhooks (admin): subscribe a URL to event types, optionally to one pipeline's leads. The
// secret is made here, shown once (on create and on rotation) and never put in an event.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  RotateSecret,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookPatch,
  WebhookWithSecret,
  DeliveryListQuery,
} from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { invalid, notFound } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { getPipelineItem } from './pipelines.ts';
import { requireDeliverableUrl } from './webhook-sender.ts';

export type WebhookItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.webhook.get>['go']>>['data']>;
export type DeliveryItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.webhookDelivery.get>['go']>>['data']>;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const toWebhook = (w: WebhookItem): Webhook => ({
  id: w.webhookId,
  url: w.url,
  events: w.events as Webhook['events'],
  pipelineId: w.pipelineId ?? null,
  enabled: w.enabled,
  disabledReason: w.disabledReason ?? null,
  disabledAt: w.disabledAt ?? null,
  previousSecretExpiresAt: w.previousSecretExpiresAt ?? null,
  createdAt: w.createdAt,
  updatedAt: w.updatedAt,
  createdBy: w.createdBy,
  version: w.version,
});

export const toDelivery = (d: DeliveryItem): WebhookDelivery => ({
  id: d.deliveryId,
  webhookId: d.webhookId,
  eventId: d.deliveryId,
  eventType: d.eventType as WebhookDelivery['eventType'],
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError ?? null,
  responseCode: d.responseCode ?? null,
  latencyMs: d.latencyMs ?? null,
  createdAt: d.createdAt,
  deliveredAt: d.deliveredAt ?? null,
  nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt ?? null) : null,
  log: d.log as WebhookDelivery['log'],
});

const readWebhook = async (accountId: string, webhookId: string, consistent = false) =>
  (await db.webhook.get({ accountId, webhookId }).go({ consistent })).data;

export const webhooks = aggregate({
  type: 'webhook',
  label: 'Webhook',
  dataKey: 'webhook',
  read: (caller, webhookId, consistent) => readWebhook(caller.accountId, webhookId, consistent),
  store: entityStore<WebhookItem>(db.webhook, (w) => ({ accountId: w.accountId, webhookId: w.webhookId })),
  toContract: toWebhook,
  tracked: ['url', 'events', 'pipelineId', 'enabled', 'previousSecretExpiresAt'],
  authorize: (caller) => requireAdmin(caller),
  async check(caller, after, before) {
    if (after.url !== before?.url) await requireDeliverableUrl(after.url);
    if (after.pipelineId && after.pipelineId !== before?.pipelineId) {
      const pipeline = await getPipelineItem(caller, after.pipelineId).catch(() => null);
      if (!pipeline) throw invalid('No pipeline with this id', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
    }
  },
});

/** The webhook with its secret: only the answers of create and rotate-secret. */
async function withSecret(caller: Caller, webhook: Webhook): Promise<WebhookWithSecret> {
  const item = await readWebhook(caller.accountId, webhook.id, true);
  if (!item) throw notFound('Webhook');
  return { ...toWebhook(item), secret: item.secret };
}

export async function createWebhook(caller: Caller, input: z.output<typeof WebhookCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  const created = await webhooks.create(caller, options, () => {
    const at = now();
    const item: WebhookItem = {
      accountId: caller.accountId,
      webhookId: newId(),
      url: input.url,
      events: input.events,
      pipelineId: input.pipelineId,
      enabled: true,
      secret: newSecret(),
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    return { item };
  });
  // A replay with the same Idempotency-Key shows the same secret to the same admin.
  return withSecret(caller, created);
}

export const getWebhook = (caller: Caller, id: string) => webhooks.get(caller, id);

export async function listWebhooks(caller: Caller, query: { limit: number; cursor?: string }) {
  requireAdmin(caller);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => db.webhook.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toWebhook);
}

export function patchWebhook(caller: Caller, id: string, patch: z.output<typeof WebhookPatch>, options?: WriteOptions) {
  return webhooks.change(caller, id, options, (current) => {
    const next: WebhookItem = { ...current };
    if (patch.url !== undefined) next.url = patch.url;
    if (patch.events !== undefined) next.events = patch.events;
    if (patch.pipelineId !== undefined) next.pipelineId = patch.pipelineId ?? undefined;
    if (patch.enabled !== undefined) {
      next.enabled = patch.enabled;
      // Switched on again by hand: the notice of the automatic switch-off goes.
      if (patch.enabled) Object.assign(next, { disabledReason: undefined, disabledAt: undefined });
    }
    return { next };
  });
}

export const deleteWebhook = (caller: Caller, id: string, options?: WriteOptions) => webhooks.destroy(caller, id, options);

export async function rotateWebhookSecret(caller: Caller, id: string, input: z.output<typeof RotateSecret>, options?: WriteOptions) {
  const rotated = await webhooks.change(caller, id, options, (current) => ({
    next: {
      ...current,
      secret: newSecret(),
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(Date.now() + input.graceHours * 3600_000).toISOString(),
    },
  }));
  return withSecret(caller, rotated);
}

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(webhook: WebhookItem, at: number): string[] {
  const graceUntil = webhook.previousSecretExpiresAt ? Date.parse(webhook.previousSecretExpiresAt) : 0;
  return webhook.previousSecret && graceUntil > at ? [webhook.secret, webhook.previousSecret] : [webhook.secret];
}

export async function listDeliveries(caller: Caller, webhookId: string, query: z.output<typeof DeliveryListQuery>) {
  await webhooks.get(caller, webhookId); // 404 for a webhook that is not there, 403 for a manager
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const base = db.webhookDelivery.query.byWebhook({ accountId: caller.accountId, webhookId });
  const filtered = query.status ? base.where((a, op) => op.eq(a.status, query.status!)) : base;
  return pageOf((o) => filtered.go({ ...o, order: 'desc' }), { limit: query.limit, cursor }, toDelivery);
}

export async function getDeliveryItem(accountId: string, webhookId: string, deliveryId: string, consistent = false) {
  return (await db.webhookDelivery.get({ accountId, webhookId, deliveryId }).go({ consistent })).data;
}

export { readWebhook };
