// Count and sum of the leads in each stage (GET /pipelines/{id}/totals), for the column headers.
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { PipelineTotals } from '@/api/types';

export const totalsKey = (pipelineId: string) => ['pipeline-totals', pipelineId] as const;

export const totalsQuery = (pipelineId: string) =>
  queryOptions({ queryKey: totalsKey(pipelineId), queryFn: ({ signal }) => api.pipelines.totals({ id: pipelineId }, { signal }) });

export function usePipelineTotals(pipelineId: string) {
  return useQuery(totalsQuery(pipelineId));
}

/** Moves one lead's count and budget from one stage's totals to another's, at once. */
export function shiftTotals(qc: QueryClient, pipelineId: string, fromStageId: string, toStageId: string, amount: number) {
  qc.setQueryData<PipelineTotals>(
    totalsKey(pipelineId),
    (totals) =>
      totals && {
        ...totals,
        stages: totals.stages.map((s) =>
          s.stageId === fromStageId
            ? { ...s, count: s.count - 1, amount: s.amount - amount }
            : s.stageId === toStageId
              ? { ...s, count: s.count + 1, amount: s.amount + amount }
              : s,
        ),
      },
  );
}

export const refreshTotals = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['pipeline-totals'] });
