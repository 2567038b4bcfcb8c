import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';

type TagEntity = 'leads' | 'contacts' | 'companies';

/** Tags in use, most used first, offered while typing. */
export function useTags(entityType: TagEntity) {
  return useQuery({
    queryKey: ['tags', entityType],
    queryFn: async ({ signal }) => {
      const tags = await fetchAllPages((page) => api.tags.list({ ...page, entityType }, { signal }));
      return tags.sort((a, b) => b.count - a.count).map((t) => t.tag);
    },
    staleTime: 60_000,
  });
}
