// The one way the app talks to the HTTP API: the contract's typed client, so a path, parameter
// or body the server does not serve does not compile (`api.leads.patch({ id }, patch, { ifMatch })`).
// The token comes from whoever signs in, handed over by setTokenSource, so this layer does not
// know about sign-in; every failure reaches the pages as an ApiError they know how to show.
import { ApiProblem, createClient, type Client } from '@crm/contract/client';
import { ApiError } from '@/lib/problem';
import { apiOrigin, loadConfig } from './config';

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

/** fetch, with "the server cannot be reached" as an ApiError (status 0) instead of a TypeError. */
const fetchOrNetworkError: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: 'The server cannot be reached. Check your connection.' });
  }
};

/** The same tree of calls, each re-throwing the contract client's ApiProblem as the app's ApiError. */
function withApiErrors<T>(node: T): T {
  if (typeof node === 'function') {
    const call = node as (...args: unknown[]) => Promise<unknown>;
    return (async (...args: unknown[]) => {
      try {
        return await call(...args);
      } catch (e) {
        throw e instanceof ApiProblem ? new ApiError(e.status, e.problem) : e;
      }
    }) as T;
  }
  return Object.fromEntries(Object.entries(node as object).map(([name, child]) => [name, withApiErrors(child)])) as T;
}

export const api: Client = withApiErrors(
  createClient({
    baseUrl: async () => apiOrigin(await loadConfig()),
    getToken: ({ refresh }) => tokens.getToken(refresh),
    onUnauthorized: () => tokens.onRejected(),
    fetch: fetchOrNetworkError,
  }),
);

/** Puts a file to a pre-signed storage URL that the API handed out (an import's upload): no token, not the API. */
export async function uploadToSignedUrl(url: string, file: Blob): Promise<void> {
  const put = await fetchOrNetworkError(url, { method: 'PUT', body: file });
  if (!put.ok) throw new ApiError(put.status, { title: 'upload', detail: `The upload failed (${put.status})` });
}
