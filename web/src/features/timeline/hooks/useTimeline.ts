// An entity's timeline (events, notes and tasks, newest first) and adding notes to it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { usePagedList } from '@/api/queries';
import type { EntityRef, NoteType } from '@/api/types';

export const RESOURCE = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;

export function useTimeline(entity: EntityRef) {
  return usePagedList(
    ['timeline', entity.type, entity.id],
    (page, signal) => api[RESOURCE[entity.type]].timeline({ id: entity.id }, page, { signal }),
    { pageSize: 30 },
  );
}

export function useAddNote(entity: EntityRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: { text: string; type: NoteType }) => api[RESOURCE[entity.type]].notes.create({ id: entity.id }, note),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['timeline', entity.type, entity.id] }),
  });
}
