// Domain errors: each kind maps to one HTTP status in functions/http/problem.ts.
export type FieldError = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'stale' | 'idempotency_mismatch' | 'unauthorized',
    message: string,
    readonly errors?: FieldError[],
    /** Extra members of the problem document, e.g. the id of a duplicate. */
    readonly extra?: Record<string, unknown>,
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
