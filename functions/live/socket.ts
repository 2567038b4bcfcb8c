// The WebSocket API's one Lambda: $connect checks the ID token in the query string exactly as the
// HTTP API checks its header (and the IP allow-list), then records the socket; $disconnect forgets
// it; `presence` tells the others on the same record who has it open. Anything else (pings) is
// accepted and ignored.
import { closeConnection, connectionsOf, DomainError, findConnection, openConnection, presenceOn, setPresence } from '@crm/core';
import { checkAccess } from '../http/access.ts';
import { authenticate } from '../http/auth.ts';
import { isApiKey } from '../http/api-keys.ts';
import { inBatches, postTo, type SendCounts } from './management.ts';

/** What API Gateway passes a WebSocket route (the parts used here). */
export interface SocketEvent {
  requestContext: { routeKey: string; connectionId: string; identity?: { sourceIp?: string } };
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
}

export type SocketResult = { statusCode: number; body?: string };

/** `lead#<id>`, `contact#<id>` or `company#<id>`. */
const RECORD = /^(lead|contact|company)#[A-Za-z0-9_-]{1,64}$/;

export const handler = async (event: SocketEvent): Promise<SocketResult> => {
  const { routeKey, connectionId } = event.requestContext;
  if (routeKey === '$connect') return connect(event);
  if (routeKey === '$disconnect') {
    const was = await findConnection(connectionId);
    await closeConnection(connectionId);
    if (was?.viewing) await tellPresence(was.accountId, was.viewing);
    return { statusCode: 200 };
  }
  if (routeKey === 'presence') return presence(connectionId, event.body);
  return { statusCode: 200 };
};

async function connect(event: SocketEvent): Promise<SocketResult> {
  const token = event.queryStringParameters?.token;
  // Sockets are for people in the app; integrations have webhooks.
  if (!token || isApiKey(token)) return { statusCode: 401, body: 'Send the ID token as ?token=' };
  try {
    const caller = await authenticate(`Bearer ${token}`);
    await checkAccess(caller, event.requestContext.identity?.sourceIp ?? '');
    await openConnection(caller, event.requestContext.connectionId);
    return { statusCode: 200 };
  } catch (err) {
    if (err instanceof DomainError) return { statusCode: err.kind === 'forbidden' ? 403 : 401, body: err.message };
    throw err;
  }
}

async function presence(connectionId: string, body: string | null | undefined): Promise<SocketResult> {
  let said: { record?: unknown; editing?: unknown };
  try {
    said = JSON.parse(body ?? '{}');
  } catch {
    return { statusCode: 400, body: 'Not JSON' };
  }
  const record = typeof said.record === 'string' && RECORD.test(said.record) ? said.record : null;
  if (said.record != null && !record) return { statusCode: 400, body: 'record is lead#<id>, contact#<id> or company#<id>' };
  const was = await findConnection(connectionId);
  if (!was) return { statusCode: 410, body: 'Unknown connection' };
  await setPresence(connectionId, record, said.editing === true);
  const touched = new Set([was.viewing, record].filter((r): r is string => !!r));
  for (const r of touched) await tellPresence(was.accountId, r);
  return { statusCode: 200 };
}

/** Sends the record's viewers to every socket that has it open. */
async function tellPresence(accountId: string, record: string) {
  const connections = await connectionsOf(accountId);
  const message = JSON.stringify({ presence: { record, users: presenceOn(connections, record) } });
  const counts: SendCounts = { sent: 0, gone: 0, failed: 0 };
  const there = connections.filter((c) => c.viewing === record);
  await inBatches(there, 25, (c) => postTo(c.connectionId, message, counts));
}
