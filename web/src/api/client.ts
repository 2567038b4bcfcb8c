// The one way the app talks to the HTTP API: Bearer ID token, JSON, If-Match, problem+json errors.
// The token comes from whoever signs in (the session layer), handed over by setTokenSource, so
// this layer does not know about sign-in.
import { ApiError, type ProblemBody } from '@/lib/problem';
import { apiBase, loadConfig } from './config';

export interface TokenSource {
  /** A current ID token, or null when signed out; `force` after a 401 asks for a fresh one. */
  getToken(force?: boolean): Promise<string | null>;
  /** The API refused the token even after a refresh. */
  onRejected(): void;
}

let tokens: TokenSource = { getToken: async () => null, onRejected: () => {} };

export function setTokenSource(source: TokenSource): void {
  tokens = source;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as If-Match: the server answers 412 when the entity changed since. */
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Public routes (sign-up) go without a token. */
  anonymous?: boolean;
}

export function toSearchParams(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function send(method: string, path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const base = apiBase(await loadConfig());
  try {
    return await fetch(`${base}${path}${toSearchParams(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: 'The server cannot be reached. Check your connection.' });
  }
}

async function readProblem(res: Response): Promise<ProblemBody> {
  const text = await res.text();
  try {
    return JSON.parse(text) as ProblemBody;
  } catch {
    return { status: res.status, title: res.statusText, detail: text.slice(0, 300) };
  }
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let token = options.anonymous ? null : await tokens.getToken();
  let res = await send(method, path, options, token);
  if (res.status === 401 && !options.anonymous) {
    token = await tokens.getToken(true);
    if (token) res = await send(method, path, options, token);
    if (res.status === 401 || !token) tokens.onRejected();
  }
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, version?: number) => request<T>('PATCH', path, { body, version }),
  delete: (path: string) => request<void>('DELETE', path),
};
