// The live socket (contract: `<wsUrl>?token=<ID token>`, one event envelope per message or an
// array of them): one per signed-in tab, reconnected with backoff, and after a gap the events
// missed meanwhile read from GET /events since the last one seen, so nothing is lost. It also
// carries presence (who has a card open) both ways.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '@/api/client';
import { loadConfig } from '@/api/config';
import type { CrmEvent } from '@/api/types';
import { getIdToken, getSession, subscribe as subscribeSession } from './session';

/** `live`: pushed now; `missed`: read back after a gap (apply by reading, not by trusting the order). */
export type LiveDelivery = 'live' | 'missed';
type EventsListener = (events: CrmEvent[], how: LiveDelivery) => void;

export interface PresenceUser {
  userId: string;
  name: string;
  editing: boolean;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;
/** API Gateway closes a socket idle for 10 minutes. */
const PING_MS = 5 * 60_000;
/** More missed events than this: reading the screens afresh is cheaper than replaying. */
const MAX_REPLAY = 500;
/** Clocks of the writer and the log may differ a little: read back a bit earlier, skip what was seen. */
const REPLAY_MARGIN_MS = 5_000;

const eventListeners = new Set<EventsListener>();
const resyncListeners = new Set<() => void>();
const presence = new Map<string, PresenceUser[]>();
const presenceListeners = new Set<() => void>();

let socket: WebSocket | null = null;
let retryMs = FIRST_RETRY_MS;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pingTimer: ReturnType<typeof setInterval> | undefined;
let running = false;
let connectedOnce = false;
/** The newest event applied, by its time; ids seen lately, so a replay skips them. */
let lastSeenAt: string | null = null;
const seenIds = new Set<string>();
let myRecord: { record: string; editing: boolean } | null = null;

function remember(events: CrmEvent[]) {
  for (const e of events) {
    seenIds.add(e.id);
    if (!lastSeenAt || e.occurredAt > lastSeenAt) lastSeenAt = e.occurredAt;
  }
  // A bounded memory: the oldest ids go first (a Set keeps insertion order).
  for (const id of seenIds) {
    if (seenIds.size <= 2000) break;
    seenIds.delete(id);
  }
}

function deliver(events: CrmEvent[], how: LiveDelivery) {
  const fresh = events.filter((e) => !seenIds.has(e.id));
  if (!fresh.length) return;
  remember(fresh);
  eventListeners.forEach((l) => l(fresh, how));
}

/** Events since the last one seen, oldest first; null when there are too many to replay. */
async function missedSince(since: string): Promise<CrmEvent[] | null> {
  const from = new Date(Date.parse(since) - REPLAY_MARGIN_MS).toISOString();
  const events: CrmEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.events.list({ from, limit: 250, cursor });
    events.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (events.length > MAX_REPLAY) return null;
  } while (cursor);
  return events.reverse();
}

async function catchUp() {
  if (!lastSeenAt) return;
  const missed = await missedSince(lastSeenAt).catch(() => null);
  if (missed) deliver(missed, 'missed');
  else resyncListeners.forEach((l) => l());
}

async function open() {
  clearTimeout(retryTimer);
  if (!running || socket) return;
  const [config, token] = await Promise.all([loadConfig(), getIdToken()]);
  if (!running || socket || !config.wsUrl || !token) return;
  // Connecting starts the clock: what happens from now on arrives or is read back.
  lastSeenAt ??= new Date().toISOString();
  const ws = new WebSocket(`${config.wsUrl}?token=${encodeURIComponent(token)}`);
  socket = ws;
  ws.onopen = () => {
    retryMs = FIRST_RETRY_MS;
    if (connectedOnce) void catchUp();
    connectedOnce = true;
    if (myRecord) sendPresence();
    pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send('{"action":"ping"}'), PING_MS);
  };
  ws.onmessage = (message) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(message.data));
    } catch {
      return;
    }
    if (parsed && typeof parsed === 'object' && 'presence' in parsed) {
      const { record, users } = (parsed as { presence: { record: string; users: PresenceUser[] } }).presence;
      presence.set(record, users);
      presenceListeners.forEach((l) => l());
      return;
    }
    deliver(Array.isArray(parsed) ? (parsed as CrmEvent[]) : [parsed as CrmEvent], 'live');
  };
  ws.onclose = () => {
    clearInterval(pingTimer);
    if (socket === ws) socket = null;
    if (!running) return;
    // Backoff with jitter, so a restarted server is not met by every tab at once.
    retryTimer = setTimeout(() => void open(), retryMs * (0.75 + Math.random() / 2));
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };
}

function sendPresence() {
  if (socket?.readyState !== WebSocket.OPEN) return;
  socket.send(JSON.stringify({ action: 'presence', record: myRecord?.record ?? null, editing: myRecord?.editing ?? false }));
}

export function startLive() {
  if (running) return;
  running = true;
  void open();
}

export function stopLive() {
  running = false;
  clearTimeout(retryTimer);
  socket?.close();
  socket = null;
}

/** Runs the socket while someone is signed in. */
export function useLiveSocket() {
  const signedIn = useSyncExternalStore(subscribeSession, () => Boolean(getSession()));
  useEffect(() => {
    if (!signedIn) return;
    startLive();
    return stopLive;
  }, [signedIn]);
}

export function onLiveEvents(listener: EventsListener, onResync: () => void): () => void {
  eventListeners.add(listener);
  resyncListeners.add(onResync);
  return () => {
    eventListeners.delete(listener);
    resyncListeners.delete(onResync);
  };
}

/** Tells the others this card is open (and whether it is being edited); the list of the others on it. */
export function usePresence(record: string, editing: boolean, myUserId: string | undefined): PresenceUser[] {
  useEffect(() => {
    myRecord = { record, editing };
    sendPresence();
    return () => {
      if (myRecord?.record !== record) return;
      myRecord = null;
      // Leaving, unless the same card says at once that it is still open (now editing, say).
      setTimeout(() => myRecord === null && sendPresence(), 0);
    };
  }, [record, editing]);
  const [, rerender] = useState(0);
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    presenceListeners.add(listener);
    return () => void presenceListeners.delete(listener);
  }, []);
  return (presence.get(record) ?? []).filter((u) => u.userId !== myUserId);
}
