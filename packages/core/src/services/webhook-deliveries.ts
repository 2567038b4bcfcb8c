// Delivering events to webhooks. Each event becomes one delivery item per subscribed webhook,
// keyed by the event id (a redelivered event finds it and sends nothing twice). Every attempt
// first claims its number on the item (so no attempt is sent twice), then puts the NEXT attempt
// on a one-time EventBridge Scheduler schedule, then sends: a crash or a deploy mid-send leaves
// that schedule to carry on, and a success just makes it find nothing to do. Retries back off
// exponentially with jitter; a day after the series began the last failure marks the delivery
// failed and switches the webhook off (`webhook.disabled`), in one transaction.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { CrmEvent, DeliveryAttempt, WebhookAttempt, WebhookDelivery } from '@crm/contract';
import { WEBHOOK_ATTEMPT, WEBHOOK_RETRY_HOURS } from '@crm/contract/webhooks';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { bookOnBus } from '../schedules.ts';
import { conflict, notFound } from '../errors.ts';
import { commit } from '../write/write.ts';
import { deliverSignedPost, type PostOutcome, type SignedPost } from './webhook-sender.ts';
import { readWebhook, signingSecrets, toDelivery, toWebhook, webhooks, type DeliveryItem, type WebhookItem } from './webhooks.ts';

/** What a delivery depends on outside the table; tests inject a clock, a schedule book and a receiver. */
export interface DeliveryRuntime {
  now(): number;
  random(): number;
  /** Makes the attempt happen at `at`, durably (the Scheduler in AWS and locally). */
  schedule(at: number, attempt: WebhookAttempt): Promise<void>;
  post(post: SignedPost): Promise<PostOutcome>;
}

const RETRY_WINDOW_MS = WEBHOOK_RETRY_HOURS * 3600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3600_000;
const LOG_LENGTH = 50;
const KEEP_DELIVERIES_SECONDS = 30 * 24 * 3600;

/** 30 s, 1 min, 2 min... up to an hour, each drawn from its upper half (jitter that never comes back at once). */
export const retryDelayMs = (attempt: number, random: () => number) => {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
};

/** One schedule per attempt, named by delivery, webhook and attempt, so making it twice is a no-op. */
const scheduleAttempt = (at: number, attempt: WebhookAttempt) =>
  bookOnBus({
    name: `wh-${attempt.deliveryId}-${attempt.webhookId}-${attempt.attempt}`,
    at,
    input: attempt,
    event: WEBHOOK_ATTEMPT,
    retryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
    purpose: 'retry webhook deliveries',
  });

export const defaultDeliveryRuntime: DeliveryRuntime = {
  now: () => Date.now(),
  random: Math.random,
  schedule: scheduleAttempt,
  post: deliverSignedPost,
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Does the webhook want this event? Its types, and for lead events its pipeline when it names one. */
function subscribed(webhook: WebhookItem, event: CrmEvent): boolean {
  if (!webhook.enabled || !webhook.events.includes(event.type)) return false;
  if (!webhook.pipelineId || event.entity.type !== 'lead') return true;
  return (event.data.lead as { pipelineId?: string } | undefined)?.pipelineId === webhook.pipelineId;
}

/** Runs on every CRM event from the bus: one delivery per subscribed webhook, each sent at once. */
export async function deliverEvent(event: CrmEvent, runtime: DeliveryRuntime = defaultDeliveryRuntime): Promise<number> {
  // One Query: an account has a handful of webhooks, read whole and picked here.
  const all = await db.webhook.query.byId({ accountId: event.accountId }).go({ pages: 'all' });
  const targets = all.data.filter((w) => subscribed(w, event));
  await Promise.all(
    targets.map(async (webhook) => {
      const delivery = await recordDelivery(webhook, event, runtime);
      // A delivery made before but never attempted (the consumer stopped in between) is attempted now.
      if (delivery.status === 'pending' && delivery.attempts === 0) {
        await runAttempt(
          { accountId: event.accountId, webhookId: webhook.webhookId, deliveryId: delivery.deliveryId, attempt: 1 },
          runtime,
        );
      }
    }),
  );
  return targets.length;
}

async function recordDelivery(webhook: WebhookItem, event: CrmEvent, runtime: DeliveryRuntime): Promise<DeliveryItem> {
  const at = iso(runtime.now());
  const item: DeliveryItem = {
    accountId: event.accountId,
    webhookId: webhook.webhookId,
    deliveryId: event.id,
    eventType: event.type,
    body: JSON.stringify(event),
    status: 'pending',
    attempts: 0,
    seriesStartedAt: at,
    createdAt: at,
    nextAttemptAt: at,
    log: [],
    expiresAt: Math.floor(runtime.now() / 1000) + KEEP_DELIVERIES_SECONDS,
  };
  try {
    await db.webhookDelivery.create(item).go();
    return item;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const existing = await db.webhookDelivery.get({ accountId: item.accountId, webhookId: item.webhookId, deliveryId: item.deliveryId });
    return (await existing.go({ consistent: true })).data!;
  }
}

const isConditionFailure = (err: unknown) =>
  err instanceof ConditionalCheckFailedException ||
  (err as { cause?: unknown })?.cause instanceof ConditionalCheckFailedException ||
  /conditional request failed/i.test(String((err as Error)?.message));

/**
 * One attempt of one delivery: claim, schedule the next, send, record. Runs from the bus
 * consumer (the first attempt and every scheduled retry) and from a resend.
 */
export async function runAttempt(ref: WebhookAttempt, runtime: DeliveryRuntime = defaultDeliveryRuntime): Promise<DeliveryItem | null> {
  const key = { accountId: ref.accountId, webhookId: ref.webhookId, deliveryId: ref.deliveryId };
  const startedAt = runtime.now();
  let claimed: DeliveryItem;
  try {
    claimed = (
      await db.webhookDelivery
        .patch(key)
        .set({ attempts: ref.attempt })
        .remove(['nextAttemptAt'])
        .where((a, op) => `${op.eq(a.status, 'pending')} AND ${op.eq(a.attempts, ref.attempt - 1)}`)
        .go({ response: 'all_new' })
    ).data as DeliveryItem;
  } catch (err) {
    if (isConditionFailure(err)) return null; // done already, or this attempt ran before
    throw err;
  }
  const webhook = await readWebhook(ref.accountId, ref.webhookId, true);
  const deadline = Date.parse(claimed.seriesStartedAt) + RETRY_WINDOW_MS;
  if (!webhook || !webhook.enabled) {
    const reason = webhook ? 'The webhook is switched off' : 'The webhook was deleted';
    await record(claimed, { ok: false, responseCode: null, latencyMs: 0, error: reason }, startedAt, null, true);
    return null;
  }
  // The safety net first: should this process stop mid-send, the next attempt still comes.
  const next = startedAt >= deadline ? null : Math.min(deadline, startedAt + retryDelayMs(ref.attempt, runtime.random));
  if (next !== null) {
    try {
      await runtime.schedule(next, { ...ref, attempt: ref.attempt + 1 });
    } catch (err) {
      // No safety net, no send: the claim is given back, so the bus's retry of this event (or schedule) runs the attempt again.
      await db.webhookDelivery
        .patch(key)
        .set({ attempts: ref.attempt - 1 })
        .where((a, op) => op.eq(a.attempts, ref.attempt))
        .go()
        .catch(() => {});
      throw err;
    }
  }
  const outcome = await runtime.post({
    url: webhook.url,
    body: claimed.body,
    secrets: signingSecrets(webhook, startedAt),
    headers: { 'x-crm-event': claimed.eventType, 'x-crm-delivery': claimed.deliveryId },
    now: startedAt,
  });
  const givingUp = !outcome.ok && next === null;
  const recorded = await record(claimed, outcome, startedAt, next, false);
  if (givingUp) await disableAfterFailures(webhook, recorded, runtime);
  return recorded;
}

/** Writes the attempt's outcome into the delivery and its log, unless a newer attempt got there first. */
async function record(claimed: DeliveryItem, outcome: PostOutcome, at: number, next: number | null, stop: boolean): Promise<DeliveryItem> {
  const entry: DeliveryAttempt = {
    attempt: claimed.attempts,
    at: iso(at),
    responseCode: outcome.responseCode,
    latencyMs: outcome.latencyMs,
    error: outcome.error,
  };
  const log = [...(claimed.log as DeliveryAttempt[]), entry].slice(-LOG_LENGTH);
  const status = outcome.ok ? 'delivered' : next === null || stop ? 'failed' : 'pending';
  const set = {
    status,
    log,
    latencyMs: outcome.latencyMs,
    ...(outcome.responseCode !== null ? { responseCode: outcome.responseCode } : {}),
    ...(outcome.ok ? { deliveredAt: iso(at) } : { lastError: outcome.error ?? 'Failed' }),
    ...(status === 'pending' && next !== null ? { nextAttemptAt: iso(next) } : {}),
  } as const;
  const patch = db.webhookDelivery
    .patch({ accountId: claimed.accountId, webhookId: claimed.webhookId, deliveryId: claimed.deliveryId })
    .set(set);
  const cleared = [...(outcome.responseCode === null ? ['responseCode' as const] : []), ...(outcome.ok ? ['lastError' as const] : [])];
  try {
    await (cleared.length ? patch.remove(cleared) : patch).where((a, op) => op.eq(a.attempts, claimed.attempts)).go();
  } catch (err) {
    if (!isConditionFailure(err)) throw err; // a resend began a new series meanwhile: its log wins
  }
  return { ...claimed, ...set, ...(outcome.responseCode === null ? { responseCode: undefined } : {}) } as DeliveryItem;
}

/** A day of failures: the webhook is switched off with a notice and a `webhook.disabled` event, in one transaction. */
async function disableAfterFailures(webhook: WebhookItem, delivery: DeliveryItem, runtime: DeliveryRuntime) {
  const at = iso(runtime.now());
  const reason = `Deliveries failed for ${WEBHOOK_RETRY_HOURS} hours (last: ${delivery.lastError ?? 'no answer'})`;
  const current = await readWebhook(webhook.accountId, webhook.webhookId, true);
  if (!current || !current.enabled) return;
  const next: WebhookItem = {
    ...current,
    enabled: false,
    disabledReason: reason,
    disabledAt: at,
    updatedAt: at,
    version: current.version + 1,
  };
  try {
    await commit({
      caller: { accountId: webhook.accountId, actor: { type: 'system', id: 'webhooks' } },
      writes: [webhooks.spec.store.replace(current, next)],
      events: [
        {
          type: 'webhook.disabled',
          entity: { type: 'webhook', id: webhook.webhookId },
          data: { webhook: toWebhook(next), deliveryId: delivery.deliveryId, lastError: delivery.lastError ?? null },
        },
      ],
    });
  } catch (err) {
    // Changed meanwhile (e.g. by an admin): their change stands; the failed delivery is in the log.
    console.warn(
      JSON.stringify({ message: 'Webhook not switched off: it changed meanwhile', webhookId: webhook.webhookId, err: String(err) }),
    );
  }
}

/** Sends a delivery again now, as a new series of attempts (a fresh day of retries). */
export async function resendDelivery(
  caller: Caller,
  webhookId: string,
  deliveryId: string,
  runtime: DeliveryRuntime = defaultDeliveryRuntime,
): Promise<WebhookDelivery> {
  const webhook = await webhooks.get(caller, webhookId); // admin only, 404 when not there
  if (!webhook.enabled) throw conflict('The webhook is switched off; switch it on before resending');
  const key = { accountId: caller.accountId, webhookId, deliveryId };
  const current = (await db.webhookDelivery.get(key).go({ consistent: true })).data;
  if (!current) throw notFound('Delivery');
  if (current.status === 'pending' && current.attempts > 0) throw conflict('The delivery is still being retried');
  const at = iso(runtime.now());
  try {
    await db.webhookDelivery
      .patch(key)
      .set({ status: 'pending', seriesStartedAt: at, nextAttemptAt: at })
      .where((a, op) => op.eq(a.attempts, current.attempts))
      .go();
  } catch (err) {
    if (isConditionFailure(err)) throw conflict('The delivery changed meanwhile; reload it');
    throw err;
  }
  const done = await runAttempt({ ...key, attempt: current.attempts + 1 }, runtime);
  return toDelivery(done ?? (await db.webhookDelivery.get(key).go({ consistent: true })).data!);
}
