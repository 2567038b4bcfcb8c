import { page } from '../common.ts';
import {
  Pipeline,
  PipelineCreate,
  PipelineListQuery,
  PipelinePatch,
  PipelineTotals,
  StageCreate,
  StagePatch,
  StageRemove,
} from '../pipelines.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'pipelines.list': { summary: 'List pipelines', query: PipelineListQuery, response: page(Pipeline) },
  'pipelines.create': { summary: 'Create a pipeline (won and lost are added)', body: PipelineCreate, response: Pipeline, status: 201 },
  'pipelines.get': { summary: 'Get a pipeline', response: Pipeline },
  'pipelines.totals': { summary: 'Count and sum of leads per stage', response: PipelineTotals },
  'pipelines.patch': { summary: 'Rename or reorder a pipeline', body: PipelinePatch, response: Pipeline },
  'pipelines.delete': { summary: 'Delete an empty pipeline', status: 204 },
  'pipelines.stages.add': { summary: 'Add a stage', body: StageCreate, response: Pipeline, status: 201 },
  'pipelines.stages.patch': { summary: 'Change a stage', body: StagePatch, response: Pipeline },
  'pipelines.stages.delete': { summary: 'Delete an empty stage', status: 204 },
  'pipelines.stages.remove': {
    summary: 'Remove a stage, moving its leads to another stage of the pipeline in the background (202; the stage goes when empty)',
    body: StageRemove,
    response: Pipeline,
    status: 202,
  },
} as const satisfies GroupOperations<'pipelines'>;
