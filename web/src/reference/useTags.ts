import { useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '@/api/queries';
import type { TagInUse } from '@/api/types';

type TagEntity = 'leads' | 'contacts' | 'companies';

/** Tags in use, most used first, offered while typing. */
export function useTags(entityType: TagEntity) {
  return useQuery({
    queryKey: ['tags', entityType],
    queryFn: async ({ signal }) => {
      const tags = await fetchAllPages<TagInUse>('/tags', { entityType }, signal);
      return tags.sort((a, b) => b.count - a.count).map((t) => t.tag);
    },
    staleTime: 60_000,
  });
}
