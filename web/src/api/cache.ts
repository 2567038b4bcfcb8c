// A save's answer carries the record's new version. It replaces the cached copy at once in every
// list and card that holds it, so the user's next change (made before a refetch lands) goes out
// with that version and is not refused as stale (412). Callers still invalidate, for what only
// the server can say (sort order, filters, counts).
import type { QueryClient, QueryKey } from '@tanstack/react-query';

interface Versioned {
  id: string;
  version: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** An answer that is a record (a PATCH's), not an empty 204 or a created id. */
export const isVersioned = (v: unknown): v is Versioned => isRecord(v) && typeof v.id === 'string' && typeof v.version === 'number';

/** The cached value with `saved` in place of its older copy; the same value when nothing changed. */
function withSaved(data: unknown, saved: Versioned): unknown {
  if (Array.isArray(data)) {
    let changed = false;
    const next = data.map((x) => {
      const y = withSaved(x, saved);
      changed ||= y !== x;
      return y;
    });
    return changed ? next : data;
  }
  if (!isRecord(data)) return data;
  // Paged lists: { pages: [{ items }] } (infinite queries) and { items } (one page).
  for (const key of ['pages', 'items'] as const) {
    if (Array.isArray(data[key])) {
      const next = withSaved(data[key], saved);
      return next === data[key] ? data : { ...data, [key]: next };
    }
  }
  // A copy the live updates already brought past this answer stays.
  return data.id === saved.id && typeof data.version === 'number' && data.version <= saved.version ? saved : data;
}

/** Puts a saved record into every cached query under `queryKey` that holds it (by id). */
export function putSaved(qc: QueryClient, queryKey: QueryKey, saved: Versioned): void {
  qc.setQueriesData({ queryKey }, (data: unknown) => (data === undefined ? undefined : withSaved(data, saved)));
}
