// Live fan-out: each CRM event goes to the account's open sockets whose user may see it (the
// rights read now, once per user and run), as messages of at most a few KB. A failed send is
// logged as a metric line (the alarm in infra counts them); a gone socket is dropped.
import { CrmEvent } from '@crm/contract/events';
import { connectionsOf, eventFor, packMessages, resolveCaller, type Caller } from '@crm/core';
import { inBatches, postTo, type SendCounts } from '../live/management.ts';

/** Sends in flight at once per run. */
const SEND_WIDTH = 25;

/** One bus event, or several (a batch from a queue or a test): the same fan-out. */
export async function fanOut(events: CrmEvent[]): Promise<SendCounts> {
  const counts: SendCounts = { sent: 0, gone: 0, failed: 0 };
  for (const accountId of new Set(events.map((e) => e.accountId))) {
    const accountEvents = events.filter((e) => e.accountId === accountId);
    const connections = await connectionsOf(accountId);
    if (!connections.length) continue;
    const callers = new Map<string, Promise<Caller | null>>();
    const callerOf = (userId: string) => {
      let caller = callers.get(userId);
      // A user deactivated meanwhile receives nothing (resolveCaller refuses them).
      if (!caller) callers.set(userId, (caller = resolveCaller(accountId, userId).catch(() => null)));
      return caller;
    };
    const sends = await Promise.all(
      connections.map(async (c) => {
        const caller = await callerOf(c.userId);
        const visible = caller ? accountEvents.map((e) => eventFor(caller, e)).filter((e): e is CrmEvent => !!e) : [];
        return packMessages(visible).map((message) => ({ connectionId: c.connectionId, message }));
      }),
    );
    await inBatches(sends.flat(), SEND_WIDTH, (s) => postTo(s.connectionId, s.message, counts));
  }
  if (counts.failed) console.log(JSON.stringify({ message: 'live sends failed', liveSendFailures: counts.failed }));
  return counts;
}

export const handler = async (event: { detail?: unknown }) => {
  const parsed = CrmEvent.safeParse(event.detail);
  if (!parsed.success) {
    console.error(JSON.stringify({ message: 'Not a CRM event', detail: event.detail }));
    return;
  }
  await fanOut([parsed.data]);
};
