import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { itemsOfAnswer } from '../../../api/queries';

type TagEntity = 'leads' | 'contacts' | 'companies';

/** Tags in use, offered while typing a new one. Accepts a plain array or a page of them. */
export function useTags(entityType: TagEntity) {
  return useQuery({
    queryKey: ['tags', entityType],
    queryFn: async ({ signal }) => {
      const answer = await api.get<unknown>('/tags', { entityType }, signal);
      return itemsOfAnswer<unknown>(answer).map((tag) => (typeof tag === 'string' ? tag : String((tag as { name?: string; tag?: string }).name ?? (tag as { tag?: string }).tag ?? '')))
        .filter(Boolean);
    },
    staleTime: 60_000,
    retry: false,
  });
}
