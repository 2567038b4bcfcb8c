// The trash (GET /trash): one paged list per type filter, and a one-click restore that puts the
// record back in every list (leads, clients, board totals, dashboard, search) by refetching them.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { itemsOf, usePagedList } from '@/api/queries';
import type { TrashEntityType, TrashItem } from '@/api/types';

export const trashKey = ['trash'] as const;

export function useTrash(entityType: TrashEntityType | null) {
  const query = usePagedList<TrashItem>([...trashKey, entityType ?? 'all'], (page, signal) =>
    api.trash.list({ ...page, ...(entityType ? { entityType } : {}) }, { signal }),
  );
  return { ...query, items: itemsOf(query.data) };
}

export function useRestore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: TrashItem) => api.trash.restore({ entityType: item.entityType, id: item.id }),
    // A restored record may appear anywhere: every cached list but the caller's own profile is refetched when next shown.
    onSuccess: () => qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' }),
  });
}

/** Whole days until the purge, never below zero. */
export const daysLeft = (expiresAt: string, now = Date.now()) => Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 86_400_000));
