// Live updates: the open sockets of an account, who may receive which event on them (the same
// view rights as a read), messages of at most a few KB, and presence on a record.
import type { CrmEvent } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { may, scopeOf, type RightEntity } from '../rights.ts';

/** A socket lives at most 2 h in API Gateway; its item a little longer, in case $disconnect never came. */
export const CONNECTION_TTL_SECONDS = 3 * 60 * 60;
/** One message's most bytes: API Gateway bills per 32 KB frame, and a phone on 3G should not choke. */
export const MAX_MESSAGE_BYTES = 4096;

export type LiveConnection = {
  connectionId: string;
  accountId: string;
  userId: string;
  userName: string;
  viewing?: string;
  editing?: boolean;
};

export async function openConnection(caller: Caller, connectionId: string, now = new Date()) {
  const { data: user } = await db.user.get({ accountId: caller.accountId, userId: caller.userId }).go();
  await db.liveConnection
    .put({
      connectionId,
      accountId: caller.accountId,
      userId: caller.userId,
      userName: user?.name ?? '',
      connectedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + CONNECTION_TTL_SECONDS,
    })
    .go();
}

export async function closeConnection(connectionId: string) {
  await db.liveConnection.delete({ connectionId }).go();
}

export async function findConnection(connectionId: string): Promise<LiveConnection | null> {
  const { data } = await db.liveConnection.get({ connectionId }).go();
  return data;
}

/** Every open socket of the account: one Query (a page per 1 MB, so several only for a very big team). */
export async function connectionsOf(accountId: string): Promise<LiveConnection[]> {
  const { data } = await db.liveConnection.query.byAccount({ accountId }).go({ pages: 'all' });
  return data;
}

/** Which right covers an event's record, and whose record it is. */
function ownedRecord(event: CrmEvent): { right: RightEntity; owner?: string } | undefined {
  const data = event.data as Record<string, { responsibleUserId?: string; entity?: { type: string } } | undefined>;
  switch (event.entity.type) {
    case 'lead':
      return { right: 'leads', owner: data.lead?.responsibleUserId };
    case 'contact':
      return { right: 'contacts', owner: data.contact?.responsibleUserId };
    case 'company':
      return { right: 'companies', owner: data.company?.responsibleUserId };
    case 'task':
      return { right: 'tasks', owner: data.task?.responsibleUserId };
    // An incoming request becomes a lead: the leads' right, with the responsible it was routed to.
    case 'incoming':
      return { right: 'leads', owner: data.incoming?.responsibleUserId };
    // A note is seen by whoever sees every record of its kind (its record's owner is not in the event).
    case 'note': {
      const kind = data.note?.entity?.type;
      return { right: kind === 'contact' ? 'contacts' : kind === 'company' ? 'companies' : 'leads' };
    }
    default:
      return undefined;
  }
}

const ADMIN_ONLY = new Set<CrmEvent['entity']['type']>(['webhook', 'import', 'role', 'group']);

/** Whether this user may receive the event live: what they could read, judged by the rights read now. */
export function mayReceive(caller: Caller, event: CrmEvent): boolean {
  if (event.accountId !== caller.accountId) return false;
  if (ADMIN_ONLY.has(event.entity.type)) return caller.role === 'admin';
  const record = ownedRecord(event);
  // Pipelines, task types, fields, users and the account's settings: everyone's reference data.
  if (!record) return true;
  if (!record.owner) return scopeOf(caller, record.right, 'view') === 'all';
  return may(caller, record.right, 'view', { userId: record.owner });
}

/**
 * What this user receives of the event: all of it, nothing, or (a record taken away from them,
 * e.g. given to someone they may not see) its ids only, so that their screens drop it.
 */
export function eventFor(caller: Caller, event: CrmEvent): CrmEvent | null {
  if (mayReceive(caller, event)) return event;
  const record = ownedRecord(event);
  const before = event.changes?.find((c) => c.field === 'responsibleUserId')?.from;
  if (!record || typeof before !== 'string' || !may(caller, record.right, 'view', { userId: before })) return null;
  return { ...event, data: {}, changes: undefined };
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The events as messages of at most MAX_MESSAGE_BYTES: one event alone, several as an array.
 * An event too big on its own goes without its `data` and `changes` (the client reads the record).
 */
export function packMessages(events: CrmEvent[], maxBytes = MAX_MESSAGE_BYTES): string[] {
  const fitted = events.map((e) => (bytes(e) <= maxBytes ? e : { ...e, data: {}, changes: undefined }));
  const messages: string[] = [];
  let batch: CrmEvent[] = [];
  let size = 2;
  const flush = () => {
    if (batch.length) messages.push(JSON.stringify(batch.length === 1 ? batch[0] : batch));
    batch = [];
    size = 2;
  };
  for (const event of fitted) {
    const b = bytes(event) + 1;
    if (size + b > maxBytes) flush();
    batch.push(event);
    size += b;
  }
  flush();
  return messages;
}

/** Presence: the record this socket shows now (none when it left it). */
export async function setPresence(connectionId: string, viewing: string | null, editing: boolean) {
  const update = db.liveConnection.patch({ connectionId });
  await (viewing ? update.set({ viewing, editing }) : update.remove(['viewing', 'editing'])).go();
}

/** Who has the record open, one entry per user (editing wins over viewing). */
export function presenceOn(connections: LiveConnection[], record: string) {
  const users = new Map<string, { userId: string; name: string; editing: boolean }>();
  for (const c of connections) {
    if (c.viewing !== record) continue;
    const seen = users.get(c.userId);
    users.set(c.userId, { userId: c.userId, name: c.userName, editing: !!c.editing || !!seen?.editing });
  }
  return [...users.values()];
}
