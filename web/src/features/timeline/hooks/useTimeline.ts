// An entity's timeline (events, notes and tasks, newest first) and adding notes to it.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { EntityRef, Note, NoteType, Page, TimelineItem } from '@/api/types';

export const RESOURCE = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;

export function useTimeline(entity: EntityRef) {
  return useInfiniteQuery({
    queryKey: ['timeline', entity.type, entity.id],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(`/${RESOURCE[entity.type]}/${entity.id}/timeline`, { limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAddNote(entity: EntityRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: { text: string; type: NoteType }) => api.post<Note>(`/${RESOURCE[entity.type]}/${entity.id}/notes`, note),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['timeline', entity.type, entity.id] }),
  });
}
