// Incoming requests ("unsorted") and the web forms that make them. A form's public key finds
// its account through the key's own item (one GetItem, like an API key's lookup); a form's
// posts are counted per minute, per form and per source address, for their rate limits.
import { Entity } from 'electrodb';
import { SERVICE, baseAttributes, gsi } from './base.ts';

export const IncomingEntity = new Entity({
  model: { entity: 'incoming', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    /** A ULID: newest first is descending order. */
    incomingId: { type: 'string', required: true, readOnly: true },
    source: { type: 'string', required: true, readOnly: true },
    status: { type: ['new', 'accepted', 'declined'] as const, required: true },
    name: { type: 'string' },
    phone: { type: 'string' },
    email: { type: 'string' },
    message: { type: 'string' },
    fields: { type: 'any' },
    meta: { type: 'any' },
    contactId: { type: 'string' },
    responsibleUserId: { type: 'string' },
    pipelineId: { type: 'string' },
    stageId: { type: 'string' },
    leadId: { type: 'string' },
    decidedAt: { type: 'string' },
    decidedBy: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['incomingId'] } },
    byStatus: gsi(1, ['accountId', 'status'], ['incomingId']),
  },
});

export const FormEntity = new Entity({
  model: { entity: 'form', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    formId: { type: 'string', required: true, readOnly: true },
    formKey: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    pipelineId: { type: 'string' },
    stageId: { type: 'string' },
    fields: { type: 'any', required: true },
    responsible: { type: 'any' },
    thankYou: { type: 'string', required: true },
    enabled: { type: 'boolean', required: true },
    /** Posts a minute the form takes in all. */
    rateLimit: { type: 'number' },
    /** How many requests the form has handed out: the round robin's turn. */
    turn: { type: 'number' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['formId'] } },
  },
});

/** A form's public key -> its account and form; written and deleted with the form. */
export const FormKeyEntity = new Entity({
  model: { entity: 'formKey', version: '1', service: SERVICE },
  attributes: {
    formKey: { type: 'string', required: true, readOnly: true },
    accountId: { type: 'string', required: true, readOnly: true },
    formId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['formKey'] }, sk: { field: 'sk', composite: [] } },
  },
});

/** Posts to a form in one minute, by `who` (the form, or one source address); purged by TTL. */
export const FormRateEntity = new Entity({
  model: { entity: 'formRate', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    formId: { type: 'string', required: true, readOnly: true },
    who: { type: 'string', required: true, readOnly: true },
    minute: { type: 'string', required: true, readOnly: true },
    count: { type: 'number' },
    expiresAt: { type: 'number' },
  },
  indexes: {
    byMinute: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['formId', 'who', 'minute'] } },
  },
});
