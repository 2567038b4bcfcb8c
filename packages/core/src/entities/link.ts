// Contact -> lead links: one item per contact on a lead, under the contact, so a contact's
// leads are one Query. The lead's own item holds the other direction (contactIds).
import { defineEntity } from './define.ts';
import { SERVICE } from './base.ts';

export const ContactLeadEntity = defineEntity({
  model: { entity: 'contactLead', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    contactId: { type: 'string', required: true, readOnly: true },
    leadId: { type: 'string', required: true, readOnly: true },
    /** A snapshot of the lead, rewritten on every lead write that changes it. */
    name: { type: 'string', required: true },
    price: { type: 'number', required: true },
    pipelineId: { type: 'string', required: true },
    stageId: { type: 'string', required: true },
    status: { type: ['open', 'won', 'lost'] as const, required: true },
    /** Whether the contact is the lead's main contact. */
    isMain: { type: 'boolean', required: true },
  },
  indexes: {
    byContact: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['contactId', 'leadId'] } },
  },
});
