// Changes to pipelines and stages: each answers the whole pipeline, which replaces the cached
// one at once; the board's totals and columns are refetched when next shown.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Pipeline } from '@/api/types';

const sortedStages = (p: Pipeline): Pipeline => ({ ...p, stages: [...p.stages].sort((a, b) => a.sort - b.sort) });

function putPipeline(qc: QueryClient, pipeline: Pipeline) {
  qc.setQueryData<Pipeline[]>(['pipelines'], (all) =>
    all?.some((p) => p.id === pipeline.id)
      ? all.map((p) => (p.id === pipeline.id ? sortedStages(pipeline) : p))
      : [...(all ?? []), sortedStages(pipeline)].sort((a, b) => a.sort - b.sort),
  );
  void qc.invalidateQueries({ queryKey: ['pipeline-totals', pipeline.id] });
  void qc.invalidateQueries({ queryKey: ['leads'] });
}

export function useStageCounts(pipelineId: string | undefined, refetchInterval: number | false) {
  return useQuery({
    queryKey: ['pipeline-totals', pipelineId],
    queryFn: ({ signal }) => api.pipelines.totals({ id: pipelineId! }, { signal }),
    enabled: !!pipelineId,
    refetchInterval,
  });
}

export function usePipelineEditor() {
  const qc = useQueryClient();
  const done = { onSuccess: (p: Pipeline) => putPipeline(qc, p), onSettled: () => qc.invalidateQueries({ queryKey: ['pipelines'] }) };
  return {
    createPipeline: useMutation({
      mutationFn: (input: { name: string; stage: string }) => api.pipelines.create({ name: input.name, stages: [{ name: input.stage }] }),
      ...done,
    }),
    renamePipeline: useMutation({
      mutationFn: (input: { id: string; name: string }) => api.pipelines.patch({ id: input.id }, { name: input.name }),
      ...done,
    }),
    addStage: useMutation({
      mutationFn: (input: { id: string; name: string; color: string }) =>
        api.pipelines.stages.add({ id: input.id }, { name: input.name, color: input.color }),
      ...done,
    }),
    patchStage: useMutation({
      mutationFn: (input: { id: string; stageId: string; name?: string; color?: string }) =>
        api.pipelines.stages.patch({ id: input.id, stageId: input.stageId }, { name: input.name, color: input.color }),
      ...done,
    }),
    /** New order of the open stages: only the stages whose place changed are written, one after another. */
    reorder: useMutation({
      mutationFn: async (input: { pipeline: Pipeline; order: string[] }) => {
        let latest = input.pipeline;
        for (const [i, stageId] of input.order.entries()) {
          const sort = (i + 1) * 10;
          if (latest.stages.find((s) => s.id === stageId)?.sort !== sort)
            latest = await api.pipelines.stages.patch({ id: latest.id, stageId }, { sort });
        }
        return latest;
      },
      ...done,
    }),
    /** An empty stage goes at once; one with leads moves them in the background first. */
    deleteStage: useMutation({
      mutationFn: async (input: { id: string; stageId: string; moveToStageId?: string }) =>
        input.moveToStageId
          ? api.pipelines.stages.remove({ id: input.id, stageId: input.stageId }, { moveToStageId: input.moveToStageId })
          : (await api.pipelines.stages.delete({ id: input.id, stageId: input.stageId }), api.pipelines.get({ id: input.id })),
      ...done,
    }),
  };
}
