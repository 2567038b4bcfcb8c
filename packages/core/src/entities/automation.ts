// Stage automations: keyed by pipeline and stage, so the rules of the stage a lead enters are one Query.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes, gsi } from './base.ts';

export const AutomationEntity = defineEntity({
  model: { entity: 'automation', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    automationId: { type: 'string', required: true, readOnly: true },
    pipelineId: { type: 'string', required: true, readOnly: true },
    stageId: { type: 'string', required: true },
    trigger: { type: ['enter'] as const, required: true },
    delayMinutes: { type: 'number' },
    condition: { type: 'any' },
    action: { type: 'any', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['automationId'] } },
    byStage: gsi(1, ['accountId'], ['pipelineId', 'stageId', 'automationId']),
  },
});

/** That an automation ran for one entry of a lead into its stage (by the entering event): a second delivery finds it. */
export const AutomationRunEntity = defineEntity({
  model: { entity: 'automationRun', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    runKey: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true },
    expiresAt: { type: 'number' },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['runKey'] } },
  },
});
