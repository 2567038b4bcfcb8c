// Turns an API Gateway payload-v2 event into a validated request: body limits, media
// type, JSON, zod schemas, unknown query parameters, path ids, If-Match, Idempotency-Key.
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { OperationSchemas } from '@crm/contract';
import { Id } from '@crm/contract/common';
import type { WriteOptions } from '@crm/core';
import { HttpProblem } from './problem.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

const fieldErrors = (error: z.ZodError) =>
  error.issues.map((i) => ({
    path: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
    message: i.message,
    code: i.code,
  }));

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, `The ${where} is not valid`, fieldErrors(result.error));
  return result.data;
}

export function readBody(event: APIGatewayProxyEventV2, operation: OperationSchemas): unknown {
  const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  if (raw.length > MAX_BODY_BYTES) throw new HttpProblem(413, 'The body is larger than 1 MB');
  if (!operation.body) return undefined;
  const type = event.headers['content-type'] ?? '';
  if (raw.length > 0 && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new HttpProblem(415, 'Send the body as application/json');
  }
  let json: unknown = {};
  if (raw.length > 0) {
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpProblem(400, 'The body is not valid JSON');
    }
  }
  return parseWith(operation.body, json, 'body');
}

export function readQuery(event: APIGatewayProxyEventV2, operation: OperationSchemas): unknown {
  const query = event.queryStringParameters ?? {};
  if (!operation.query) {
    const unknown = Object.keys(query);
    if (unknown.length)
      throw new HttpProblem(
        400,
        'Unknown query parameters',
        unknown.map((k) => ({ path: k, message: 'unknown parameter' })),
      );
    return {};
  }
  return parseWith(operation.query, query, 'query');
}

/** Path ids that cannot exist are simply not found. */
export function readParams(event: APIGatewayProxyEventV2): Record<string, string> {
  const params = event.pathParameters ?? {};
  for (const value of Object.values(params)) {
    if (!Id.safeParse(value).success) throw new HttpProblem(404, 'Not found');
  }
  return params as Record<string, string>;
}

export function readWriteOptions(event: APIGatewayProxyEventV2): WriteOptions {
  const options: WriteOptions = {};
  const ifMatch = event.headers['if-match'];
  if (ifMatch !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(ifMatch);
    if (!m) throw new HttpProblem(400, 'If-Match must be an entity version like "3"', [{ path: 'If-Match', message: 'not a version' }]);
    options.ifMatch = Number(m[1]);
  }
  const key = event.headers['idempotency-key'];
  if (key !== undefined && event.requestContext.http.method === 'POST') {
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new HttpProblem(400, 'Idempotency-Key must be 1-255 visible ASCII characters', [
        { path: 'Idempotency-Key', message: 'invalid' },
      ]);
    }
    const requestHash = createHash('sha256')
      .update(`${event.routeKey}\n${event.rawPath}\n${canonicalBody(event)}`)
      .digest('hex');
    options.idempotency = { key: `${event.routeKey}#${key}`, requestHash };
  }
  return options;
}

/**
 * The body as a retry means it: the same JSON value, whatever the key order or spacing a
 * client's serialiser chose. A body that is not JSON is taken as it is.
 */
function canonicalBody(event: APIGatewayProxyEventV2): string {
  const text = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8') : '';
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  try {
    return JSON.stringify(sorted(JSON.parse(text)));
  } catch {
    return text;
  }
}
