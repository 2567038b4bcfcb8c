// The local stand-in of API Gateway's WebSocket API: `ws` accepts the web app's sockets and runs
// the same Lambda (functions/live/socket.ts) for $connect, $disconnect and the routes chosen by
// the message's `action`; the same HTTP server speaks the Management API's wire protocol
// (POST/GET/DELETE /@connections/{id}) so that the real SDK client, pointed here, sends to them.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SocketEvent, SocketResult } from '@crm/functions/live/socket';

export interface LiveGatewayOptions {
  port?: number;
  log?: (line: string) => void;
}

export interface LiveGateway {
  /** What the web app connects to (config.json `wsUrl`). */
  wsUrl: string;
  /** The Management API endpoint for the SDK client. */
  managementEndpoint: string;
  /** Sockets open now. */
  readonly size: number;
  close(): Promise<void>;
}

type SocketHandler = (event: SocketEvent) => Promise<SocketResult>;

/** API Gateway's own cap on one frame. */
const MAX_FRAME_BYTES = 32 * 1024;

export async function startLiveGateway(opts: LiveGatewayOptions = {}): Promise<LiveGateway> {
  const log = opts.log ?? (() => {});
  // Recorded by $connect but not yet upgraded: a send to one of them is not a GoneException.
  const opening = new Set<string>();
  const sockets = new Map<string, { ws: WebSocket; connectedAt: string; sourceIp: string; lastActiveAt: string }>();
  let handlerPromise: Promise<SocketHandler> | undefined;
  const handler = () => (handlerPromise ??= import('@crm/functions/live/socket').then((m) => m.handler as SocketHandler));

  const invoke = async (routeKey: string, connectionId: string, sourceIp: string, extra: Partial<SocketEvent> = {}) =>
    (await handler())({ requestContext: { routeKey, connectionId, identity: { sourceIp } }, ...extra });

  const server = createServer((req, res) => {
    management(req, res).catch((err) => {
      log(`management: ${(err as Error).message}`);
      if (!res.headersSent) awsError(res, 500, 'InternalServerErrorException', 'The local gateway failed');
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const connectionId = randomBytes(12).toString('base64url');
    const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    const query = Object.fromEntries(url.searchParams);
    opening.add(connectionId);
    invoke('$connect', connectionId, sourceIp, { queryStringParameters: query })
      .then((result) => {
        if (result.statusCode !== 200) {
          socket.end(`HTTP/1.1 ${result.statusCode} Refused\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${result.body ?? ''}`);
          return;
        }
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, connectionId, sourceIp));
      })
      .finally(() => opening.delete(connectionId))
      .catch((err) => {
        log(`$connect failed: ${(err as Error).message}`);
        socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\n');
      });
  });

  function accept(ws: WebSocket, connectionId: string, sourceIp: string) {
    const now = new Date().toISOString();
    sockets.set(connectionId, { ws, connectedAt: now, sourceIp, lastActiveAt: now });
    ws.on('message', (data) => {
      const entry = sockets.get(connectionId);
      if (entry) entry.lastActiveAt = new Date().toISOString();
      const body = data.toString();
      // The route selection expression `$request.body.action`, as the CDK stack declares it.
      let action: unknown;
      try {
        action = (JSON.parse(body) as { action?: unknown }).action;
      } catch {
        action = undefined;
      }
      const routeKey = action === 'presence' ? 'presence' : '$default';
      invoke(routeKey, connectionId, sourceIp, { body }).catch((err) => log(`${routeKey} failed: ${(err as Error).message}`));
    });
    ws.on('close', () => {
      sockets.delete(connectionId);
      invoke('$disconnect', connectionId, sourceIp).catch((err) => log(`$disconnect failed: ${(err as Error).message}`));
    });
  }

  async function management(req: IncomingMessage, res: ServerResponse) {
    const match = /^\/(?:[^/]+\/)?@connections\/([^/?]+)/.exec(req.url ?? '');
    if (!match) return awsError(res, 404, 'NotFoundException', 'No such path');
    const connectionId = decodeURIComponent(match[1]!);
    const entry = sockets.get(connectionId);
    const body = await readBody(req);
    if (!entry && opening.has(connectionId)) return void res.writeHead(200).end();
    if (!entry) return awsError(res, 410, 'GoneException', `Connection ${connectionId} is gone`);
    if (req.method === 'POST') {
      if (body.length > MAX_FRAME_BYTES) return awsError(res, 413, 'PayloadTooLargeException', 'Message too long');
      entry.ws.send(body.toString('utf8'));
      res.writeHead(200).end();
    } else if (req.method === 'GET') {
      const answer = JSON.stringify({
        ConnectedAt: entry.connectedAt,
        LastActiveAt: entry.lastActiveAt,
        Identity: { SourceIp: entry.sourceIp },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    } else if (req.method === 'DELETE') {
      entry.ws.close(1000, 'Closed by the server');
      res.writeHead(204).end();
    } else awsError(res, 405, 'MethodNotAllowedException', 'POST, GET or DELETE');
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wsUrl: `ws://localhost:${port}`,
    managementEndpoint: `http://127.0.0.1:${port}`,
    get size() {
      return sockets.size;
    },
    async close() {
      for (const { ws } of sockets.values()) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function awsError(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type }).end(JSON.stringify({ message }));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
