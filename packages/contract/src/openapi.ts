// Builds the OpenAPI 3.1 document from the operations as served and their zod schemas.
import * as z from 'zod';
import { Problem } from './common.ts';
import type { RouteDef } from './endpoints.ts';
import { EVENT_CATALOGUE, eventSchema } from './event-catalogue.ts';
import { EVENT_TYPES } from './events.ts';
import type { OperationSchemas } from './operation-groups.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  // OpenAPI 3.1 schemas are JSON Schema 2020-12 (null as a type, not `nullable`).
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

/** The document of these routes, each with its operation's schemas. */
export function buildOpenApi(routes: readonly (RouteDef & OperationSchemas)[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = r.query ? jsonSchema(r.query, 'input') : undefined;
    const queryParams = Object.entries((query?.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
      name,
      in: 'query',
      required: ((query?.required as string[]) ?? []).includes(name),
      schema,
    }));
    const status = String(r.status ?? 200);
    // The conventions' headers: If-Match on changes, Idempotency-Key on POST, ETag and Location on answers.
    const headerParams = [
      ...(r.method === 'PATCH' || r.method === 'DELETE'
        ? [
            {
              name: 'If-Match',
              in: 'header',
              required: false,
              schema: { type: 'string', example: '"3"' },
              description: 'The version read; a stale one is a 412',
            },
          ]
        : []),
      ...(r.method === 'POST' && !r.public
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 255 },
              description: 'A retry with the same key and body gets the first answer (24 h)',
            },
          ]
        : []),
    ];
    const responseSchema = r.response ? jsonSchema(r.response, 'output') : undefined;
    // One entity answers carry its version as the ETag (functions/http/resource.ts).
    const isEntity = !!(responseSchema?.properties as Record<string, unknown> | undefined)?.version;
    const answerHeaders = {
      ...(status === '201' ? { Location: { schema: { type: 'string' }, description: 'The created entity' } } : {}),
      ...(isEntity ? { ETag: { schema: { type: 'string' }, description: 'The entity\'s version, e.g. "3"' } } : {}),
    };
    const problem = { description: 'Problem', content: { 'application/problem+json': { schema: jsonSchema(Problem, 'output') } } };
    const unavailable = {
      ...problem,
      description: 'A dependency is unavailable or busy, or the entity is changed by too many at once; nothing changed',
      headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait before sending the request again' } },
    };
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path
        .replace('/api/v1', '')
        .replace(/\{(\w+)\}/g, 'By_$1')
        .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      tags: [r.resource],
      security: r.public ? [] : [{ bearer: [] }],
      parameters: [...params, ...queryParams, ...headerParams],
      ...(r.body
        ? {
            requestBody: {
              required: !r.body.safeParse({}).success,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [status]: r.response
          ? { description: 'OK', headers: answerHeaders, content: { [r.produces ?? 'application/json']: { schema: responseSchema } } }
          : { description: 'No content' },
        '4XX': problem,
        '503': unavailable,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
    webhooks: webhookDocs(),
  };
}

/** OpenAPI 3.1 `webhooks`: the POST a subscribed URL receives for each event type of the catalogue. */
function webhookDocs() {
  const header = (name: string, description: string) => ({ name, in: 'header', required: true, schema: { type: 'string' }, description });
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: EVENT_CATALOGUE[type].summary,
          parameters: [
            header('X-Crm-Event', `The event type: ${type}`),
            header('X-Crm-Delivery', 'The delivery id; the same on every retry of this event to this webhook'),
            header(
              'X-Crm-Signature',
              't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>; two v1 values while a rotated secret is in its grace period',
            ),
          ],
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(eventSchema(type), 'output') } } },
          responses: { '2XX': { description: 'Received; any other answer (or none in 10 s) is retried with backoff for 24 h' } },
        },
      },
    ]),
  );
}
