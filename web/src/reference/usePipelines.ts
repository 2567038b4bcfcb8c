import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { Pipeline, Stage } from '@/api/types';
import { getSession } from '@/session/session';

export const pipelinesQuery = queryOptions({
  queryKey: ['pipelines'],
  queryFn: async ({ signal }) => {
    const pipelines = await fetchAllPages((page) => api.pipelines.list(page, { signal }));
    const sorted = pipelines.map((p) => ({ ...p, stages: [...p.stages].sort((a, b) => a.sort - b.sort) })).sort((a, b) => a.sort - b.sort);
    rememberBoards(sorted);
    return sorted;
  },
  staleTime: 5 * 60_000,
});

export function usePipelines() {
  return useQuery(pipelinesQuery);
}

/** Every stage of every pipeline by id, for badges and names. */
export function useStageIndex(): Map<string, Stage & { pipelineId: string }> {
  const { data } = usePipelines();
  return useMemo(() => new Map((data ?? []).flatMap((p) => p.stages.map((s) => [s.id, { ...s, pipelineId: p.id }] as const))), [data]);
}

// The ids of the pipelines' stages as last read, per signed-in user: the board's next first load
// asks for its columns together with the pipelines instead of after them. Only ids are kept; a
// stage added or removed since is put right when the pipelines answer.
const BOARDS_KEY = 'crm.boards';

interface RememberedBoards {
  email: string;
  /** The board shown without ?pipeline= (the first pipeline). */
  first: string;
  stages: Record<string, string[]>;
}

function rememberBoards(pipelines: Pipeline[]) {
  const email = getSession()?.email;
  if (!email || !pipelines[0]) return;
  const boards: RememberedBoards = {
    email,
    first: pipelines[0].id,
    stages: Object.fromEntries(pipelines.map((p) => [p.id, p.stages.map((s) => s.id)])),
  };
  try {
    localStorage.setItem(BOARDS_KEY, JSON.stringify(boards));
  } catch {
    // a full or blocked storage only costs the next first load a round trip
  }
}

/** The pipeline (by id, else the first) and its stages as last read by this user; null if never. */
export function rememberedBoard(pipelineId?: string): { pipelineId: string; stageIds: string[] } | null {
  try {
    const boards = JSON.parse(localStorage.getItem(BOARDS_KEY) ?? 'null') as RememberedBoards | null;
    if (!boards || boards.email !== getSession()?.email) return null;
    const id = pipelineId ?? boards.first;
    return boards.stages[id] ? { pipelineId: id, stageIds: boards.stages[id] } : null;
  } catch {
    return null;
  }
}
