import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SearchResult } from '@/api/types';

export const MIN_QUERY = 2;

/** Leads, contacts and companies by name prefix, phone digits or e-mail. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.search({ q }, { signal }),
    enabled: q.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export interface SearchHit {
  kind: 'lead' | 'contact' | 'company';
  id: string;
  name: string;
  detail?: string;
  to: string;
}

export function searchHits(result: SearchResult | undefined): SearchHit[] {
  if (!result) return [];
  return [
    ...(result.leads ?? []).map((l) => ({ kind: 'lead' as const, id: l.id, name: l.name, to: `/leads/${l.id}` })),
    ...(result.contacts ?? []).map((c) => ({
      kind: 'contact' as const,
      id: c.id,
      name: c.name,
      detail: c.phones?.[0]?.value ?? c.emails?.[0]?.value,
      to: `/contacts/${c.id}`,
    })),
    ...(result.companies ?? []).map((c) => ({
      kind: 'company' as const,
      id: c.id,
      name: c.name,
      detail: c.website ?? undefined,
      to: `/companies/${c.id}`,
    })),
  ];
}
