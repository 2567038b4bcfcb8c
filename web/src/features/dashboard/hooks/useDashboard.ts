import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Dashboard, Funnel } from '../../../api/types';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', undefined, signal), refetchInterval: 60_000 });
}

export function useFunnel(pipelineId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'funnel', pipelineId],
    queryFn: ({ signal }) => api.get<Funnel>('/analytics/funnel', { pipelineId }, signal),
    enabled: Boolean(pipelineId),
  });
}
