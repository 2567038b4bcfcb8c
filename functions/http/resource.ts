// A resource's Lambda: one handler per route of routes.ts, wrapped in the same shell
// (middy): token check, validated input, problem+json errors, ETag and Location.
import middy from '@middy/core';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import type { Operations, OperationSchemas } from '@crm/contract';
import { loadSchemas } from '@crm/contract/operation-groups';
import { countRequest, type Caller, type WriteOptions } from '@crm/core';
import { routes, routeKey, type Route } from '../routes.ts';
import { checkAccess, clientIp } from './access.ts';
import { authenticate } from './auth.ts';
import { requireScope } from './api-keys.ts';
import { HttpProblem, problem, problemFor } from './problem.ts';
import { readBody, readParams, readQuery, readWriteOptions } from './request.ts';

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'crm',
  logLevel: (process.env.LOG_LEVEL as 'INFO') ?? 'INFO',
});

type Schema<O, K extends string> = O extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

export interface Request<R extends Route> {
  caller: R extends { public: true } ? undefined : Caller;
  params: Record<string, string>;
  query: Schema<Operations[R['id']], 'query'>;
  body: Schema<Operations[R['id']], 'body'>;
  options: WriteOptions;
  event: APIGatewayProxyEventV2;
  /** The client's address (http/access.ts): the viewer's behind CloudFront. */
  ip: string;
}

/** An answer other than the route's JSON body: another status, headers or media type. */
export class Reply {
  constructor(readonly init: { status?: number; body?: unknown; raw?: string; headers?: Record<string, string> }) {}
}

type RoutesOf<Res extends string> = Extract<Route, { resource: Res }>;
export type Handlers<Res extends string> = {
  [R in RoutesOf<Res> as `${R['method']} ${R['path']}`]: (req: Request<R>) => Promise<unknown>;
};

export function defineResource<Res extends Route['resource']>(resource: Res, handlers: NoInfer<Handlers<Res>>) {
  const served = routes.filter((r) => r.resource === resource);
  const table = new Map(served.map((r) => [routeKey(r), r]));
  // Only this Lambda's operations' schemas are built, while it starts (see operation-groups.ts).
  const loading = loadSchemas(served.map((r) => r.id));
  const run = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = table.get(event.routeKey);
    const handle = (handlers as Record<string, (req: Request<Route>) => Promise<unknown>>)[event.routeKey];
    if (!route || !handle) return problem(404, 'Not found');
    const schemas = (await loading)[route.id]!;
    // Who asks comes first: without a valid token nothing else about the request is told.
    const caller = 'public' in route && route.public ? undefined : await authenticate(event.headers.authorization);
    const ip = await clientIp(event);
    // Then where from: the account's IP allow-list, before anything of the account is read or written.
    if (caller) await checkAccess(caller, ip);
    // The month's request count (Usage), beside the handler; a lost count never fails the request.
    const counted = caller && countRequest(caller.accountId).catch((err) => logger.warn('Request not counted', err as Error));
    if (caller) requireScope(caller, route.id);
    const options = readWriteOptions(event);
    // A key is the caller's own: another user's identical request is not their retry.
    if (options.idempotency && caller) options.idempotency.key = `${caller.userId}#${options.idempotency.key}`;
    const request = {
      caller,
      params: readParams(event),
      query: readQuery(event, schemas),
      body: readBody(event, schemas),
      options,
      event,
      ip,
    } as Request<Route>;
    const result = await handle(request);
    await counted;
    return answer(event, schemas, result);
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .before(async (request) => {
      logger.addContext(request.context);
      logger.appendKeys({ route: request.event.routeKey });
    })
    .onError(async (request) => {
      const known = problemFor(request.error);
      if (!known) logger.error('Unhandled error', request.error as Error);
      // The client is told to retry; operators still need to see that a dependency failed.
      else if (known.statusCode === 503) logger.warn('Answered 503', request.error as Error);
      request.response = known ?? problem(500, 'Something went wrong on our side; it has been logged');
    })
    .handler(run);
}

function answer(event: APIGatewayProxyEventV2, schemas: OperationSchemas, result: unknown): APIGatewayProxyStructuredResultV2 {
  const init = result instanceof Reply ? result.init : { body: result };
  const status = init.status ?? schemas.status ?? 200;
  const headers: Record<string, string> = { ...init.headers };
  if (status === 204) return { statusCode: 204, headers };
  const body = init.body as { id?: string; version?: number } | undefined;
  if (body && typeof body.version === 'number') headers.etag ??= `"${body.version}"`;
  if (status === 201 && body?.id && !headers.location) headers.location = `${event.rawPath.replace(/\/$/, '')}/${body.id}`;
  if (init.raw !== undefined) return { statusCode: status, headers, body: init.raw };
  if (process.env.CRM_CHECK_RESPONSES === '1' && schemas.response) {
    const check = schemas.response.safeParse(init.body);
    if (!check.success) throw new HttpProblem(500, `Response breaks the contract: ${check.error.message}`);
  }
  return { statusCode: status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(init.body) };
}
