// Pipelines and their stages.
import {
  addStage,
  createPipeline,
  deletePipeline,
  deleteStage,
  getPipeline,
  listPipelines,
  patchPipeline,
  patchStage,
  pipelineTotals,
  removeStage,
} from '@crm/core';
import { defineResource, Reply } from '../http/resource.ts';

export const handler = defineResource('pipelines', {
  'GET /api/v1/pipelines': async ({ caller, query }) => listPipelines(caller, query),
  'POST /api/v1/pipelines': async ({ caller, body, options }) => createPipeline(caller, body, options),
  'GET /api/v1/pipelines/{id}': async ({ caller, params }) => getPipeline(caller, params.id),
  'GET /api/v1/pipelines/{id}/totals': async ({ caller, params }) => pipelineTotals(caller, params.id),
  'PATCH /api/v1/pipelines/{id}': async ({ caller, params, body, options }) => patchPipeline(caller, params.id, body, options),
  'DELETE /api/v1/pipelines/{id}': async ({ caller, params, options }) => deletePipeline(caller, params.id, options),
  'POST /api/v1/pipelines/{id}/stages': async ({ caller, params, body, options }) => {
    const pipeline = await addStage(caller, params.id, body, options);
    return new Reply({ status: 201, body: pipeline, headers: { location: `/api/v1/pipelines/${pipeline.id}` } });
  },
  'PATCH /api/v1/pipelines/{id}/stages/{stageId}': async ({ caller, params, body, options }) =>
    patchStage(caller, params.id, params.stageId, body, options),
  'DELETE /api/v1/pipelines/{id}/stages/{stageId}': async ({ caller, params, options }) =>
    deleteStage(caller, params.id, params.stageId, options),
  'POST /api/v1/pipelines/{id}/stages/{stageId}/remove': async ({ caller, params, body, options }) =>
    removeStage(caller, params.id, params.stageId, body, options),
});
