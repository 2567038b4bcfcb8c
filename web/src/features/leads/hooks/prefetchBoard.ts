// The board's data asked for in one wave as the app starts (see app/firstLoad.ts): the pipelines,
// the totals and each column's first page together, instead of columns waiting for the pipelines.
import type { QueryClient } from '@tanstack/react-query';
import { pipelinesQuery, rememberedBoard } from '@/reference/usePipelines';
import { BOARD_FILTERS } from './useLeadFilterParams';
import { stageLeadsQuery, type LeadListFilters } from './useLeads';
import { totalsQuery } from './usePipelineTotals';

/** `search` is the board's URL query: its pipeline and filters pick the same cache entries the board reads. */
export function prefetchBoard(qc: QueryClient, search: URLSearchParams): void {
  const pipelineParam = search.get('pipeline') ?? undefined;
  const filters = Object.fromEntries(BOARD_FILTERS.flatMap((k) => (search.get(k) ? [[k, search.get(k)]] : []))) as LeadListFilters;
  // As KanbanBoard keys its columns: by the filters only when there are any.
  const active = Object.keys(filters).length ? filters : undefined;
  const columns = (pipelineId: string, stageIds: string[]) => {
    void qc.prefetchQuery(totalsQuery(pipelineId));
    for (const stageId of stageIds) void qc.prefetchInfiniteQuery(stageLeadsQuery(pipelineId, stageId, active));
  };
  const remembered = rememberedBoard(pipelineParam);
  if (remembered) columns(remembered.pipelineId, remembered.stageIds);
  // A first visit, or stages changed since: the rest follows the pipelines (requests in flight are not repeated).
  qc.fetchQuery(pipelinesQuery).then(
    (pipelines) => {
      const pipeline = pipelines.find((p) => p.id === pipelineParam) ?? pipelines[0];
      if (pipeline)
        columns(
          pipeline.id,
          pipeline.stages.map((s) => s.id),
        );
    },
    () => {}, // the board shows the error when it asks again
  );
}
