// Domain errors: each kind maps to one HTTP status in functions/http/problem.ts.
/** `code`: what is wrong, for clients to word it in their own language (zod's issue codes: too_small, invalid_type...). */
export type FieldError = { path: string; message: string; code?: string };

export class DomainError extends Error {
  constructor(
    readonly kind:
      'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'stale' | 'idempotency_mismatch' | 'unauthorized' | 'unavailable' | 'throttled',
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document, e.g. the id of a duplicate. */
    readonly extra?: Record<string, unknown>,
    /** For `unavailable`: when a retry may succeed, in seconds (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalid = (message: string, errors?: FieldError[]) => new DomainError('invalid', message, errors);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('forbidden', message);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string, extra?: Record<string, unknown>) => new DomainError('conflict', message, undefined, extra);
export const stale = () => new DomainError('stale', 'The entity was changed by someone else; reload it and try again');
export const unauthorized = (message = 'A valid token is required') => new DomainError('unauthorized', message);
/** Nothing was changed, and the same request may succeed a little later (a 503 with Retry-After). */
export const unavailable = (message: string, retryAfterSeconds = 1) =>
  new DomainError('unavailable', message, undefined, undefined, retryAfterSeconds);

/** Too many requests from one API key: a 429 with Retry-After. */
export const throttled = (message: string, retryAfterSeconds: number) =>
  new DomainError('throttled', message, undefined, undefined, retryAfterSeconds);

/** Error names of AWS services that say "not now", not "not so": throttling and their own failures. */
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'TooManyRequestsException',
  'InternalServerError',
  'InternalServerException',
  'InternalErrorException',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
/** Socket errors of a dependency that cannot be reached (down, restarting, a network fault). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Whether an error says that a dependency (DynamoDB, Cognito) is unreachable, throttled or
 * failing rather than that the request is wrong. ElectroDB and fetch wrap the SDK's error in
 * `cause`; a cancelled transaction names a throttled item in its reasons.
 */
export function isDependencyDown(err: unknown): boolean {
  let e = err as Record<string, unknown> | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as never, depth++) {
    if (TRANSIENT_NAMES.has(e.name as string) || NETWORK_CODES.has(e.code as string) || NETWORK_CODES.has(e.errno as string)) return true;
    const reasons = e.CancellationReasons as Array<{ Code?: string }> | undefined;
    if (reasons?.some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded')) return true;
    // The SDK marks what it counted as a server fault or throttle after its own retries.
    const metadata = e.$metadata as { httpStatusCode?: number } | undefined;
    if (e.$fault === 'server' && (metadata?.httpStatusCode ?? 500) >= 500) return true;
  }
  return false;
}
