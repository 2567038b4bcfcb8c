// A page's lead filters live in its URL query, so a reload or a shared link keeps them.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadListFilters } from './useLeads';

export type LeadFilterKey = keyof LeadListFilters;

/** The filters named by `keys`, read from and written to the query; other parameters stay. */
export function useLeadFilterParams(keys: readonly LeadFilterKey[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(keys.flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))) as LeadListFilters,
    [params, keys],
  );
  const setFilters = useCallback(
    (next: LeadListFilters) =>
      setParams((prev) => {
        const query = new URLSearchParams(prev);
        for (const k of keys) {
          const value = next[k];
          if (value) query.set(k, String(value));
          else query.delete(k);
        }
        return query;
      }),
    [setParams, keys],
  );
  return [filters, setFilters] as const;
}

/** Filters the board can ask the API for alongside a column's pipeline and stage. */
export const BOARD_FILTERS = ['q', 'responsibleUserId', 'tag', 'createdFrom', 'createdTo'] as const satisfies readonly LeadFilterKey[];
export const LIST_FILTERS = [...BOARD_FILTERS, 'stageId', 'status', 'sort'] as const satisfies readonly LeadFilterKey[];
