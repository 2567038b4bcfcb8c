import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => api.dashboard({ signal }), refetchInterval: 60_000 });
}

/** The account's event log, newest first: the desktop's "latest events". */
export function useRecentEvents(limit = 12) {
  return useQuery({
    queryKey: ['dashboard', 'events', limit],
    queryFn: ({ signal }) => api.events.list({ limit }, { signal }).then((p) => p.items),
    refetchInterval: 60_000,
  });
}
