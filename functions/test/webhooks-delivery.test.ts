// Retries with an injected clock and schedule book: a receiver that fails three times gets the
// event once as 200 on the fourth attempt; one that is down for 25 simulated hours ends failed,
// its webhook switched off with a `webhook.disabled` event. The HTTP goes to a real loopback receiver.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CrmEvent, WebhookAttempt } from '@crm/contract';
import { deliverEvent, deliverSignedPost, runAttempt, type DeliveryRuntime } from '@crm/core';
import { useApi, type CrmUser } from './support/api.ts';
import { signedWith, startReceiver } from './support/receiver.ts';

const api = useApi();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A clock that only moves when told, and the schedules made, run in time order. */
function simulated(start = Date.now()) {
  let clock = start;
  const book: Array<{ at: number; attempt: WebhookAttempt }> = [];
  const runtime: DeliveryRuntime = {
    now: () => clock,
    random: Math.random,
    schedule: async (at, attempt) => void book.push({ at, attempt }),
    post: (post) => deliverSignedPost(post),
  };
  return {
    runtime,
    book,
    start,
    elapsedHours: () => (clock - start) / 3600_000,
    /** Moves the clock on to `hours` after the start, firing whatever falls due on the way. */
    async runUntil(hours: number) {
      const until = start + hours * 3600_000;
      book.sort((a, b) => a.at - b.at);
      while (book.length && book[0]!.at <= until) {
        const next = book.shift()!;
        clock = Math.max(clock, next.at);
        await runAttempt(next.attempt, runtime);
        book.sort((a, b) => a.at - b.at);
      }
      clock = Math.max(clock, until);
    },
    /** Fires every schedule in time order, as the Scheduler would, until none is left. */
    async drain(limit = 200) {
      for (let i = 0; i < limit && book.length; i++) {
        book.sort((a, b) => a.at - b.at);
        const next = book.shift()!;
        clock = Math.max(clock, next.at);
        await runAttempt(next.attempt, runtime);
      }
      expect(book).toEqual([]);
    },
  };
}

const leadWon = (account: CrmUser): CrmEvent => ({
  id: `evt-${randomUUID()}`,
  type: 'lead.won',
  accountId: account.accountId,
  occurredAt: new Date().toISOString(),
  actor: { type: 'user', id: account.userId },
  entity: { type: 'lead', id: 'lead-1' },
  data: { lead: { id: 'lead-1', pipelineId: 'p' } },
});

describe('Webhook retries', () => {
  it('500 three times then 200: one delivery, four attempts in the log, each signed, none sent twice', async () => {
    const account = await api.account();
    const receiver = await startReceiver([500, 500, 500, 200]);
    closers.push(receiver.close);
    const hook = await account.request('POST', '/api/v1/webhooks', { url: receiver.url, events: ['lead.won'] });
    expect(hook.status).toBe(201);
    const sim = simulated();
    const event = leadWon(account);

    expect(await deliverEvent(event, sim.runtime)).toBe(1);
    await deliverEvent(event, sim.runtime); // the bus delivers it again: nothing more is sent
    await sim.drain();

    expect(receiver.received.map((r) => r.headers['x-crm-delivery'])).toEqual(Array(4).fill(event.id));
    for (const r of receiver.received) {
      expect(r.headers['x-crm-event']).toBe('lead.won');
      expect(signedWith(hook.body.secret, String(r.headers['x-crm-signature']), r.body)).toBe(true);
      expect(JSON.parse(r.body)).toEqual(event);
    }
    const log = await account.request('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`);
    expect(log.status).toBe(200);
    const [delivery] = log.body.items;
    expect(delivery).toMatchObject({ id: event.id, status: 'delivered', attempts: 4, responseCode: 200, lastError: null });
    expect(delivery.log.map((a: { responseCode: number }) => a.responseCode)).toEqual([500, 500, 500, 200]);
    expect(delivery.deliveredAt).not.toBeNull();
  });

  it('down for 25 simulated hours: failed after a day of backed-off attempts, the webhook switched off with an event', async () => {
    const account = await api.account();
    const receiver = await startReceiver([503]);
    closers.push(receiver.close);
    const hook = await account.request('POST', '/api/v1/webhooks', { url: receiver.url, events: ['lead.won'] });
    const sim = simulated();
    await deliverEvent(leadWon(account), sim.runtime);
    // The receiver stays down for 25 simulated hours: the attempts stop at the 24-hour mark.
    await sim.runUntil(25);
    expect(sim.book).toEqual([]);
    expect(sim.elapsedHours()).toBe(25);
    const attempts = receiver.received.length;
    // 30 s doubling to an hour: about 8 quick ones, then hourly.
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(45);
    const [delivery] = (await account.request('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
    expect(delivery).toMatchObject({ status: 'failed', attempts, responseCode: 503, nextAttemptAt: null });
    const gaps = delivery.log.slice(1).map((a: { at: string }, i: number) => Date.parse(a.at) - Date.parse(delivery.log[i].at));
    expect(gaps[0]).toBeGreaterThanOrEqual(15_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3600_000);
    // The last attempt fell within the day; the hour after it (to 25 h) sent nothing more.
    const lastHour = (Date.parse(delivery.log.at(-1).at) - sim.start) / 3600_000;
    expect(lastHour).toBeGreaterThan(23);
    expect(lastHour).toBeLessThanOrEqual(24.1);

    const webhook = (await account.request('GET', `/api/v1/webhooks/${hook.body.id}`)).body;
    expect(webhook.enabled).toBe(false);
    expect(webhook.disabledReason).toMatch(/24 hours/);
    const events = (await account.request('GET', '/api/v1/events?type=webhook.disabled')).body.items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { type: 'system' }, entity: { type: 'webhook', id: hook.body.id } });
    expect(JSON.stringify(events[0])).not.toContain(hook.body.secret);

    // Switched off, nothing more is sent; switched on by hand, the notice goes and a resend delivers.
    await deliverEvent(leadWon(account), sim.runtime);
    expect(receiver.received).toHaveLength(attempts);
    const on = await account.request('PATCH', `/api/v1/webhooks/${hook.body.id}`, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null });
  });
  it('when the retry cannot be scheduled, sends nothing and gives the attempt back for the bus to retry', async () => {
    const account = await api.account();
    const receiver = await startReceiver([200]);
    closers.push(receiver.close);
    const hook = await account.request('POST', '/api/v1/webhooks', { url: receiver.url, events: ['lead.won'] });
    const sim = simulated();
    const schedule = sim.runtime.schedule;
    sim.runtime.schedule = async () => {
      throw new Error('Scheduler unavailable');
    };
    const event = leadWon(account);
    await expect(deliverEvent(event, sim.runtime)).rejects.toThrow('Scheduler unavailable');
    expect(receiver.received).toHaveLength(0);
    sim.runtime.schedule = schedule;
    await deliverEvent(event, sim.runtime); // the bus's retry
    expect(receiver.received).toHaveLength(1);
    const [delivery] = (await account.request('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});
