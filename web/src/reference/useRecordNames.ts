// Names of the contacts and companies that changes point at: one cached read per distinct record,
// shared with the cards and links that read the same record (same query key as EntityLink).
import { useQueries } from '@tanstack/react-query';
import { api } from '@/api/client';

export type NamedRecordType = 'contact' | 'company';
export interface RecordRef {
  type: NamedRecordType;
  id: string;
}

const RESOURCE = { contact: 'contacts', company: 'companies' } as const;

/** `name(ref)`: the record's name, '…' while it loads, undefined when it cannot be read (deleted). */
export function useRecordNames(refs: RecordRef[]): (ref: RecordRef) => string | undefined {
  const unique = [...new Map(refs.map((r) => [`${r.type}:${r.id}`, r])).values()];
  const results = useQueries({
    queries: unique.map((ref) => ({
      queryKey: [RESOURCE[ref.type], 'detail', ref.id],
      queryFn: ({ signal }: { signal: AbortSignal }): Promise<{ name: string }> => api[RESOURCE[ref.type]].get({ id: ref.id }, { signal }),
      staleTime: 60_000,
      retry: false,
    })),
  });
  const names = new Map(unique.map((ref, i) => [`${ref.type}:${ref.id}`, results[i]]));
  return (ref) => {
    const result = names.get(`${ref.type}:${ref.id}`);
    if (!result || result.isPending) return '…';
    return result.data?.name;
  };
}
