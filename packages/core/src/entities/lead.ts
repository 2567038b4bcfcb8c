// Leads, with one index per way the board and the list read them (docs/data-model.md).
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes, gsi, nearestTaskAttributes } from './base.ts';

export const LeadEntity = defineEntity({
  model: { entity: 'lead', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    leadId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    /** Lower-cased, ё folded to е: what `q` matches against. */
    nameFolded: { type: 'string', required: true },
    price: { type: 'number', required: true },
    priceKey: { type: 'string', required: true },
    pipelineId: { type: 'string', required: true },
    stageId: { type: 'string', required: true },
    status: { type: ['open', 'won', 'lost'] as const, required: true },
    responsibleUserId: { type: 'string', required: true },
    contactIds: { type: 'list', items: { type: 'string' }, required: true },
    mainContactId: { type: 'string' },
    companyId: { type: 'string' },
    /** companyId, or '-' for none: index keys cannot be absent. */
    companyKey: {
      type: 'string',
      hidden: true,
      default: '-',
      watch: ['companyId'],
      set: (_: unknown, item: Record<string, unknown>) => (item.companyId as string | undefined) ?? '-',
    },
    tags: { type: 'list', items: { type: 'string' }, required: true },
    customFields: { type: 'any' },
    closedAt: { type: 'string' },
    lossReason: { type: 'string' },
    source: { type: 'string' },
    ...nearestTaskAttributes,
    /** When the lead entered its stage, and the furthest stage it reached per pipeline: for the reports. */
    stageEnteredAt: { type: 'string' },
    reached: { type: 'any' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['leadId'] } },
    byStage: gsi(1, ['accountId', 'stageId'], ['leadId']),
    byPipeline: gsi(2, ['accountId', 'pipelineId'], ['leadId']),
    byResponsible: gsi(3, ['accountId', 'responsibleUserId'], ['leadId']),
    byCompany: gsi(4, ['accountId', 'companyKey'], ['leadId']),
    byUpdated: gsi(5, ['accountId'], ['updatedAt', 'leadId']),
    byPrice: gsi(6, ['accountId'], ['priceKey', 'leadId']),
    byNearestTask: gsi(7, ['accountId'], ['nearestTaskKey', 'leadId']),
  },
});
