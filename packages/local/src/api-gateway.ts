// The API Gateway HTTP API emulator: routes requests by THE route table to the same handlers that
// deploy to Lambda, as payload 2.0 events; also serves /config.json and the web app.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { RouteDef } from '@crm/contract';
import { routes as crmRoutes } from '@crm/functions/routes';
import { LocalRuntimeError } from './errors.ts';
import { buildEvent, lambdaContext, newRequestId, writeProblem, writeResult } from './payload.ts';
import { createRouter } from './routing.ts';
import { sendConfig, sendWebApp, type WebConfig } from './web.ts';

export type CrmHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

export interface ApiGatewayOptions {
  /** Defaults to functions/routes.ts. */
  routes?: readonly RouteDef[];
  /** Defaults to importing @crm/functions/handlers/<resource>. */
  loadHandler?: (resource: string) => Promise<CrmHandler>;
  /** /config.json without apiUrl, which is this server's own address. */
  config: Omit<WebConfig, 'apiUrl'>;
  webDir?: string;
  port?: number;
  host?: string;
  /** Tests only: take requestContext.http.sourceIp from this request header (API Gateway never does). */
  sourceIpHeader?: string;
  /** One line per request on stdout. */
  log?: boolean;
}

export interface ApiGateway {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** API Gateway's own payload limit; the handlers enforce the CRM's 1 MB. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** API Gateway's integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

export async function startApiGateway(opts: ApiGatewayOptions): Promise<ApiGateway> {
  const lookup = createRouter(opts.routes ?? crmRoutes);
  const loadHandler = opts.loadHandler ?? importHandler;
  const loaded = new Map<string, Promise<CrmHandler>>();
  const handlerOf = (resource: string) => {
    let p = loaded.get(resource);
    if (!p) {
      p = loadHandler(resource);
      loaded.set(resource, p);
      p.catch(() => loaded.delete(resource)); // a handler still being written may appear later
    }
    return p;
  };
  const webDir = resolve(opts.webDir ?? 'web/dist');
  let config: WebConfig;

  const server = createServer((req, res) => {
    const started = Date.now();
    if (opts.log) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) writeProblem(res, 500, 'Internal Server Error', 'The local API Gateway failed; see its log.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const rawPath = q < 0 ? url : url.slice(0, q);
    const rawQueryString = q < 0 ? '' : url.slice(q + 1);
    const method = req.method ?? 'GET';
    const isApi = rawPath === '/api' || rawPath.startsWith('/api/');
    allowLocalOrigins(req, res);

    if (method === 'OPTIONS' && req.headers.origin && req.headers['access-control-request-method']) {
      return preflight(req, res, isApi ? lookup(String(req.headers['access-control-request-method']), rawPath) : undefined);
    }
    if (!isApi) {
      if (method !== 'GET' && method !== 'HEAD')
        return writeProblem(res, 405, 'Method Not Allowed', `${method} ${rawPath} is not allowed`, { allow: 'GET, HEAD' });
      if (rawPath === '/config.json') return sendConfig(res, config);
      return sendWebApp(req, res, webDir, rawPath);
    }

    const found = lookup(method, rawPath);
    if (found.kind === 'not-found') return writeProblem(res, 404, 'Not Found', `No route for ${rawPath}`);
    if (found.kind === 'wrong-method') {
      return writeProblem(res, 405, 'Method Not Allowed', `${rawPath} answers ${found.allow.join(', ')}, not ${method}`, {
        allow: [...found.allow, 'OPTIONS'].join(', '),
      });
    }

    const body = await readBody(req);
    if (!body)
      return writeProblem(res, 413, 'Payload Too Large', `API Gateway accepts at most ${MAX_BODY_BYTES} bytes`, { connection: 'close' });

    const requestId = newRequestId();
    const spoofed = opts.sourceIpHeader ? req.headers[opts.sourceIpHeader.toLowerCase()] : undefined;
    const event = buildEvent({
      req,
      body,
      requestId,
      rawPath,
      rawQueryString,
      routeKey: found.routeKey,
      pathParameters: found.pathParameters,
      sourceIp: typeof spoofed === 'string' ? spoofed : peerAddress(req),
    });
    if (opts.sourceIpHeader) delete event.headers[opts.sourceIpHeader.toLowerCase()];

    let handler: CrmHandler;
    try {
      handler = await handlerOf(found.route.resource);
    } catch (err) {
      if (!isMissingModule(err)) throw err;
      return writeProblem(res, 501, 'Not Implemented', `functions/handlers/${found.route.resource}.ts is not written yet`);
    }
    let result: unknown;
    try {
      result = await withTimeout(handler(event, lambdaContext(found.route.resource, INTEGRATION_TIMEOUT_MS)), INTEGRATION_TIMEOUT_MS);
    } catch (err) {
      console.error(`[api] ${found.routeKey} threw:`, err);
      return writeProblem(res, 500, 'Internal Server Error', `The ${found.route.resource} function failed; see the log.`);
    }
    if (result === TIMED_OUT)
      return writeProblem(res, 504, 'Gateway Timeout', `${found.route.resource} did not answer within ${INTEGRATION_TIMEOUT_MS / 1000} s`);
    writeResult(res, result, requestId);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new LocalRuntimeError(`Port ${opts.port} (the CRM's API and web app) is in use: stop what listens there or set PORT`)
          : err,
      ),
    );
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  const port = (server.address() as { port: number }).port;
  const apiUrl = `http://localhost:${port}`;
  config = { apiUrl, ...opts.config };
  return {
    url: apiUrl,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

async function importHandler(resource: string): Promise<CrmHandler> {
  const mod = (await import(`@crm/functions/handlers/${resource}`)) as { handler?: CrmHandler };
  if (typeof mod.handler !== 'function') throw new Error(`functions/handlers/${resource}.ts exports no handler`);
  return mod.handler;
}

function isMissingModule(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'ERR_MODULE_NOT_FOUND' || /Cannot find (module|package)|Failed to load url/i.test(e?.message ?? '');
}

/** The body, or undefined past API Gateway's limit (read to the end so the client hears the 413). */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined;
}

const TIMED_OUT = Symbol('timed out');
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<typeof TIMED_OUT>((ok) => (timer = setTimeout(() => ok(TIMED_OUT), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const peerAddress = (req: IncomingMessage) => (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

/** Locally the app and the API share an origin; a dev server on another localhost port may call too. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
function allowLocalOrigins(req: IncomingMessage, res: ServerResponse) {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin || !LOCAL_ORIGIN.test(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-credentials', 'true');
  res.setHeader('access-control-expose-headers', 'ETag, Location, Retry-After');
}

function preflight(req: IncomingMessage, res: ServerResponse, found: ReturnType<ReturnType<typeof createRouter>> | undefined) {
  if (!res.hasHeader('access-control-allow-origin') || !found || found.kind === 'not-found') {
    res.writeHead(204);
    return res.end();
  }
  const allow = found.kind === 'found' ? [found.route.method] : found.allow;
  res.writeHead(204, {
    'access-control-allow-methods': [...new Set(allow)].join(', '),
    'access-control-allow-headers': String(
      req.headers['access-control-request-headers'] ?? 'authorization, content-type, idempotency-key, if-match',
    ),
    'access-control-max-age': '600',
  });
  res.end();
}
