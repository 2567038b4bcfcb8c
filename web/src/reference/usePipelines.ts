import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { Stage } from '@/api/types';

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: async ({ signal }) => {
      const pipelines = await fetchAllPages((page) => api.pipelines.list(page, { signal }));
      return pipelines.map((p) => ({ ...p, stages: [...p.stages].sort((a, b) => a.sort - b.sort) })).sort((a, b) => a.sort - b.sort);
    },
    staleTime: 5 * 60_000,
  });
}

/** Every stage of every pipeline by id, for badges and names. */
export function useStageIndex(): Map<string, Stage & { pipelineId: string }> {
  const { data } = usePipelines();
  return useMemo(() => new Map((data ?? []).flatMap((p) => p.stages.map((s) => [s.id, { ...s, pipelineId: p.id }] as const))), [data]);
}
