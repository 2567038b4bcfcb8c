// Sending to open sockets: API Gateway's Management API (PostToConnection), in AWS the WebSocket
// API's own endpoint, locally the local gateway's (packages/local/src/live-gateway.ts) with the same client.
import { ApiGatewayManagementApiClient, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { closeConnection } from '@crm/core';

let client: ApiGatewayManagementApiClient | undefined;
let clientFor: string | undefined;

function management(): ApiGatewayManagementApiClient {
  const endpoint = process.env.LIVE_MANAGEMENT_ENDPOINT;
  if (!endpoint) throw new Error('LIVE_MANAGEMENT_ENDPOINT is not set');
  if (!client || clientFor !== endpoint) {
    client = new ApiGatewayManagementApiClient({ endpoint, maxAttempts: 2 });
    clientFor = endpoint;
  }
  return client;
}

/** Sends of one run, for the metric and the bench: sent, dropped (gone) and failed. */
export interface SendCounts {
  sent: number;
  gone: number;
  failed: number;
}

/** Posts one message; a socket that is gone is forgotten, any other failure is counted and logged. */
export async function postTo(connectionId: string, message: string, counts: SendCounts): Promise<void> {
  try {
    await management().send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from(message) }));
    counts.sent++;
  } catch (err) {
    if (err instanceof GoneException || (err as { name?: string }).name === 'GoneException') {
      counts.gone++;
      await closeConnection(connectionId);
      return;
    }
    counts.failed++;
    console.error(JSON.stringify({ message: 'PostToConnection failed', connectionId, error: (err as Error).message }));
  }
}

/** At most `width` sends in flight: a big team's fan-out neither waits in line nor floods the endpoint. */
export async function inBatches<T>(items: T[], width: number, send: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(send));
}
