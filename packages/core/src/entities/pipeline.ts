// Pipelines keep their stages inside the one item: a board needs them all at once.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes } from './base.ts';

export const PipelineEntity = defineEntity({
  model: { entity: 'pipeline', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    pipelineId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    sort: { type: 'number', required: true },
    stages: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          id: { type: 'string', required: true },
          name: { type: 'string', required: true },
          color: { type: 'string', required: true },
          sort: { type: 'number', required: true },
          type: { type: ['open', 'won', 'lost'] as const, required: true },
          // While the stage is being removed: where its leads go (cascades/stage-removal.ts).
          movingTo: { type: 'string' },
        },
      },
    },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['pipelineId'] } },
  },
});
