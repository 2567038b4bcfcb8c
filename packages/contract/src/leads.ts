// Leads (deals): the cards that move through a pipeline's stages.
import * as z from 'zod';
import { CustomFieldValues, EntityBase, Id, ListQuery, Money, Name, orderedRange, Tag, Timestamp } from './common.ts';
import { text } from './text.ts';

export const LeadStatus = z.enum(['open', 'won', 'lost']);

export const Lead = EntityBase.extend({
  name: z.string(),
  price: z.number(),
  pipelineId: Id,
  stageId: Id,
  status: LeadStatus,
  responsibleUserId: Id,
  contactIds: z.array(Id),
  mainContactId: Id.nullable(),
  companyId: Id.nullable(),
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  closedAt: z.string().nullable(),
  lossReason: z.string().nullable(),
  source: z.string().nullable(),
  /** Due time of the lead's earliest open task; null without one. */
  nearestTaskAt: Timestamp.nullable(),
});
export type Lead = z.infer<typeof Lead>;

// Bounded so that any change of a lead, its delete included, fits one transaction.
const Tags = z.array(Tag).max(20);
const ContactIds = z.array(Id).max(20);
const LossReason = text({ max: 500, multiline: true });
const Source = text({ max: 100 });

export const LeadCreate = z.strictObject({
  name: Name,
  price: Money.optional(),
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  responsibleUserId: Id.optional(),
  contactIds: ContactIds.optional(),
  mainContactId: Id.optional(),
  companyId: Id.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
  lossReason: LossReason.optional(),
  source: Source.optional(),
});

export const LeadPatch = z.strictObject({
  name: Name.optional(),
  price: Money.optional(),
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  responsibleUserId: Id.optional(),
  contactIds: ContactIds.optional(),
  mainContactId: Id.nullable().optional(),
  companyId: Id.nullable().optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
  lossReason: LossReason.nullable().optional(),
  source: Source.nullable().optional(),
});

export const LEAD_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'price', '-price', 'nearestTask', '-nearestTask'] as const;

export const LeadListQuery = ListQuery.extend({
  pipelineId: Id.optional(),
  stageId: Id.optional(),
  status: LeadStatus.optional(),
  responsibleUserId: Id.optional(),
  contactId: Id.optional(),
  companyId: Id.optional(),
  tag: Tag.optional(),
  q: text({ min: 1, max: 100 }).optional(),
  createdFrom: Timestamp.optional(),
  createdTo: Timestamp.optional(),
  sort: z.enum(LEAD_SORTS).default('-createdAt'),
}).refine(...orderedRange('createdFrom', 'createdTo'));
export type LeadListQuery = z.infer<typeof LeadListQuery>;
