// Contacts, and the claims on their phones and e-mails that keep the client base free of
// duplicates (docs/data-model.md).
import type { Attribute } from 'electrodb';
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes, gsi, nearestTaskAttributes } from './base.ts';

/** Phones or e-mails as written: `{ value, type }`. */
export const contactPoints = {
  type: 'list',
  required: true,
  items: {
    type: 'map',
    properties: { value: { type: 'string', required: true }, type: { type: 'string', required: true } },
  },
} as const satisfies Attribute;

/** What contacts and companies share: who owns them, how they sort, and the link stamp. */
export const clientAttributes = {
  ...baseAttributes,
  name: { type: 'string', required: true },
  /** Lower-cased, ё folded to е: what `q` matches and `sort=name` orders by. */
  nameFolded: { type: 'string', required: true },
  phones: contactPoints,
  emails: contactPoints,
  /** phoneDigits() of each phone: what the `phone` filter and search compare. */
  phoneDigits: { type: 'list', items: { type: 'string' }, required: true },
  responsibleUserId: { type: 'string', required: true },
  tags: { type: 'list', items: { type: 'string' }, required: true },
  customFields: { type: 'any' },
  /** Kept by the tasks service; `sort=nearestTask` reads its key. */
  ...nearestTaskAttributes,
  /**
   * Changes whenever a lead or contact links to this record, so that a delete based on an
   * earlier read (and an earlier list of links) fails and re-reads instead of orphaning it.
   */
  stamp: { type: 'string', required: true },
} as const satisfies Record<string, Attribute>;

export const ContactEntity = defineEntity({
  model: { entity: 'contact', version: '1', service: SERVICE },
  attributes: {
    ...clientAttributes,
    contactId: { type: 'string', required: true, readOnly: true },
    position: { type: 'string' },
    companyId: { type: 'string' },
    /** companyId, or '-' for none: index keys cannot be absent. */
    companyKey: { type: 'string', required: true },
    /** emailKey() of each e-mail, for the `email` filter. */
    emailKeys: { type: 'list', items: { type: 'string' }, required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['contactId'] } },
    byCompany: gsi(1, ['accountId', 'companyKey'], ['contactId']),
    byResponsible: gsi(2, ['accountId', 'responsibleUserId'], ['contactId']),
    byNearestTask: gsi(3, ['accountId'], ['nearestTaskKey', 'contactId']),
    byName: gsi(4, ['accountId'], ['nameFolded', 'contactId']),
    byUpdated: gsi(5, ['accountId'], ['updatedAt', 'contactId']),
  },
});

/**
 * One item per phone number or e-mail in use in an account, naming the contacts that have
 * it. Creating a contact adds itself with the condition that nobody holds the value yet, in
 * the same transaction as the contact: of two simultaneous creates only one can pass.
 */
export const ContactClaimEntity = defineEntity({
  model: { entity: 'contactClaim', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    kind: { type: ['phone', 'email'] as const, required: true, readOnly: true },
    value: { type: 'string', required: true, readOnly: true },
    /** The contacts having this value; more than one only through `allowDuplicate`. */
    holders: { type: 'set', items: 'string' },
  },
  indexes: {
    byValue: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['kind', 'value'] } },
  },
});
