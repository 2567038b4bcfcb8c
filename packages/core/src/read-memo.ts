// Reads a bulk writer may share between its records: the import worker writes a chunk of rows
// inside `sharingReads`, so the account's pipelines, custom fields and the companies it just made
// are read once per chunk instead of once per record. Outside such a scope every read goes to
// the table as before. A write that loses a race forgets them (write.ts), so its retry reads afresh.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

export function sharingReads<T>(run: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), run);
}

/** `load()`, or the answer it gave earlier in this scope; a failed read is not kept. */
export function sharedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = scope.getStore();
  if (!memo) return load();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  loading.catch(() => memo.delete(key));
  return loading;
}

/** Forgets what this scope read (after a lost race: what was read may be what changed). */
export function forgetSharedReads() {
  scope.getStore()?.clear();
}

/** Tells this scope an answer read in bulk beforehand (e.g. a chunk's claims in one BatchGet). */
export function primeSharedRead<T>(key: string, value: T) {
  scope.getStore()?.set(key, Promise.resolve(value));
}

/** The answer this scope holds for `key`, without reading. */
export function peekSharedRead<T>(key: string): Promise<T> | undefined {
  return scope.getStore()?.get(key) as Promise<T> | undefined;
}
