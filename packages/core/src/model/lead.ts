// A lead in its contract form, and the rules a lead obeys whatever changes it.
import type { EntityItem } from 'electrodb';
import type { Lead, LinkedLead } from '@crm/contract';
import type { LeadEntity } from '../entities/lead.ts';
import { invalid } from '../errors.ts';
import { now } from '../ids.ts';
import { stampsOf } from './stamps.ts';

export type LeadItem = EntityItem<typeof LeadEntity>;

export const toLead = (l: LeadItem): Lead => ({
  id: l.leadId,
  name: l.name,
  price: l.price,
  pipelineId: l.pipelineId,
  stageId: l.stageId,
  status: l.status,
  responsibleUserId: l.responsibleUserId,
  contactIds: l.contactIds,
  mainContactId: l.mainContactId ?? null,
  companyId: l.companyId ?? null,
  tags: l.tags,
  customFields: (l.customFields ?? {}) as Lead['customFields'],
  closedAt: l.closedAt ?? null,
  lossReason: l.lossReason ?? null,
  source: l.source ?? null,
  nearestTaskAt: l.nearestTaskAt ?? null,
  ...stampsOf(l),
});

export const LEAD_FIELDS = [
  'name',
  'price',
  'pipelineId',
  'stageId',
  'status',
  'responsibleUserId',
  'contactIds',
  'mainContactId',
  'companyId',
  'tags',
  'customFields',
  'closedAt',
  'lossReason',
  'source',
] as const;

/** Status and close date follow the stage: entering won or lost closes the lead. */
export function statusFor(stageType: 'open' | 'won' | 'lost', before?: LeadItem) {
  const status = stageType;
  const closedAt = status === 'open' ? undefined : before && before.status === status ? before.closedAt : now();
  return { status, closedAt };
}

/** The main contact is one of the lead's contacts, and none is linked twice. */
export function checkLeadContacts(lead: LeadItem) {
  if (lead.mainContactId && !lead.contactIds.includes(lead.mainContactId)) {
    lead.contactIds = [lead.mainContactId, ...lead.contactIds];
  }
  if (new Set(lead.contactIds).size !== lead.contactIds.length) {
    throw invalid('A contact is linked twice', [{ path: 'contactIds', message: 'duplicate contact id' }]);
  }
}

export const toLinkedLead = (l: {
  leadId: string;
  name: string;
  price: number;
  pipelineId: string;
  stageId: string;
  status: LinkedLead['status'];
  isMain: boolean;
}): LinkedLead => ({
  id: l.leadId,
  name: l.name,
  price: l.price,
  pipelineId: l.pipelineId,
  stageId: l.stageId,
  status: l.status,
  isMain: l.isMain,
});
