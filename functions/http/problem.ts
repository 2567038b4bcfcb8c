// One table from error kind to HTTP status, and the problem+json answer.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from '@crm/contract';
import { DomainError, isDependencyDown, type FieldError } from '@crm/core';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }
}

const STATUS: Record<DomainError['kind'], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  idempotency_mismatch: 422,
  unavailable: 503,
  throttled: 429,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function problem(
  status: number,
  detail: string,
  errors?: FieldError[],
  extra?: Record<string, unknown>,
): APIGatewayProxyStructuredResultV2 {
  const body: Problem & Record<string, unknown> = {
    type: `https://crm.dev/problems/${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
    ...extra,
  };
  return { statusCode: status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(body) };
}

/** How long a client waits after a 503 for an unreachable or throttled dependency. */
const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

/** A 503 that tells the client when to try again; nothing was written. */
function unavailableProblem(detail: string, seconds: number): APIGatewayProxyStructuredResultV2 {
  return withRetryAfter(problem(503, detail), seconds);
}

const withRetryAfter = (answer: APIGatewayProxyStructuredResultV2, seconds: number): APIGatewayProxyStructuredResultV2 => ({
  ...answer,
  headers: { ...answer.headers, 'retry-after': String(seconds) },
});

/** Known errors become their status; anything else is a 500 that hides its details. */
export function problemFor(err: unknown): APIGatewayProxyStructuredResultV2 | undefined {
  if (err instanceof HttpProblem) return problem(err.status, err.message, err.errors);
  if (err instanceof DomainError && err.kind === 'unavailable') return unavailableProblem(err.message, err.retryAfterSeconds ?? 1);
  if (err instanceof DomainError && err.kind === 'throttled') return withRetryAfter(problem(429, err.message), err.retryAfterSeconds ?? 1);
  if (err instanceof DomainError) return problem(STATUS[err.kind], err.message, err.errors, err.extra);
  if (isBadStartKey(err)) return problem(400, 'The cursor is not valid for this list', [{ path: 'cursor', message: 'invalid cursor' }]);
  // The table or the identity provider is unreachable, throttled or failing: the request was
  // fine and changed nothing (one transaction), so the client may simply send it again.
  if (isDependencyDown(err)) {
    return unavailableProblem('A service the CRM depends on is unavailable or busy; try again shortly', DEPENDENCY_RETRY_AFTER_SECONDS);
  }
  return undefined;
}

/**
 * A cursor of the caller's own account that does not fit the list it is sent to (forged, or
 * from another list): DynamoDB refuses its start key. ElectroDB wraps the SDK's error.
 */
function isBadStartKey(err: unknown): boolean {
  const cause = (err as { cause?: unknown })?.cause ?? err;
  const { name, message } = (cause ?? {}) as { name?: string; message?: string };
  return name === 'ValidationException' && /exclusive start key|starting key/i.test(message ?? '');
}
