// API keys. The account's item lists and describes a key; the lookup item, keyed by the key's
// SHA-256, is what a request with a key reads (one strongly consistent GetItem, so a revoked
// key fails on the very next request). Both are written and deleted in one transaction.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes } from './base.ts';

const keyFields = {
  accountId: { type: 'string', required: true, readOnly: true },
  keyId: { type: 'string', required: true, readOnly: true },
  scopes: { type: 'list', items: { type: 'string' }, required: true },
  /** ISO time after which the key no longer works; absent for a key without expiry. */
  validUntil: { type: 'string' },
} as const;

export const ApiKeyEntity = defineEntity({
  model: { entity: 'apiKey', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    ...keyFields,
    name: { type: 'string', required: true },
    keyHash: { type: 'string', required: true, readOnly: true },
    hint: { type: 'string', required: true, readOnly: true },
    lastUsedAt: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['keyId'] } },
  },
});

export const ApiKeyLookupEntity = defineEntity({
  model: { entity: 'apiKeyLookup', version: '1', service: SERVICE },
  attributes: {
    keyHash: { type: 'string', required: true, readOnly: true },
    ...keyFields,
    /** The admin who made the key: what it creates is theirs by default (responsible, createdBy). */
    createdBy: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byHash: { pk: { field: 'pk', composite: ['keyHash'] }, sk: { field: 'sk', composite: [] } },
  },
});

/** A key's request count in one minute, for its rate limit; purged by TTL afterwards. */
export const ApiKeyUsageEntity = defineEntity({
  model: { entity: 'apiKeyUsage', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    keyId: { type: 'string', required: true, readOnly: true },
    minute: { type: 'string', required: true, readOnly: true },
    count: { type: 'number' },
    expiresAt: { type: 'number' },
  },
  indexes: {
    byMinute: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['keyId', 'minute'] } },
  },
});
