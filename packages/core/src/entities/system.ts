// Items that serve every entity: the event log (the outbox), counters, idempotency
// records and the trash.
import { defineEntity } from './define.ts';
import { EVENT_ENTITY } from '../table-design.ts';
import { SERVICE, gsi } from './base.ts';

/** The event log. Its INSERTs are what the stream carries to the `crm` bus. */
export const EventEntity = defineEntity({
  model: { entity: EVENT_ENTITY, version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    eventId: { type: 'string', required: true, readOnly: true },
    type: { type: 'string', required: true },
    occurredAt: { type: 'string', required: true },
    actor: {
      type: 'map',
      required: true,
      properties: { type: { type: 'string', required: true }, id: { type: 'string', required: true } },
    },
    actorId: { type: 'string', required: true },
    entityType: { type: 'string', required: true },
    entityId: { type: 'string', required: true },
    data: { type: 'any', required: true },
    changes: { type: 'any' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['eventId'] } },
    byEntity: gsi(1, ['accountId', 'entityType', 'entityId'], ['eventId']),
    byActor: gsi(2, ['accountId', 'actorId'], ['eventId']),
  },
});

/** Pre-aggregated figures (per stage, per day...) changed in the same transaction as the lead. */
export const CounterEntity = defineEntity({
  model: { entity: 'counter', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    key: { type: 'string', required: true, readOnly: true },
    count: { type: 'number' },
    amount: { type: 'number' },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['key'] } },
  },
});

/**
 * The reports' counters (derived/analytics-counters.ts): per pipeline, stage, responsible
 * user and day, moved by ADD in the transaction of the lead, task or contact they count.
 */
export const TallyEntity = defineEntity({
  model: { entity: 'tally', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    key: { type: 'string', required: true, readOnly: true },
    count: { type: 'number' },
    amount: { type: 'number' },
    won: { type: 'number' },
    wonAmount: { type: 'number' },
    lost: { type: 'number' },
    lostAmount: { type: 'number' },
    /** Sum of the epoch seconds at which the counted leads entered their stage. */
    enteredSecs: { type: 'number' },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['key'] } },
  },
});

/** The first answer to a request with an Idempotency-Key, kept 24 h. */
export const IdempotencyEntity = defineEntity({
  model: { entity: 'idempotency', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    key: { type: 'string', required: true, readOnly: true },
    requestHash: { type: 'string', required: true },
    /** Absent while the key is only claimed: its first request is still running. */
    result: { type: 'any' },
    /** The token of the request that claimed the key before its side effects. */
    claim: { type: 'string' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['key'] } },
  },
});

/** Deleted leads, contacts and companies with their links, restorable until TTL purges them. */
export const TrashEntity = defineEntity({
  model: { entity: 'trash', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    entityType: { type: 'string', required: true, readOnly: true },
    entityId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    item: { type: 'any', required: true },
    /** What the record was linked to when deleted (a contact's leads, a company's leads and contacts). */
    links: { type: 'any' },
    deletedAt: { type: 'string', required: true },
    deletedBy: { type: 'string', required: true },
    expiresAt: { type: 'number', required: true },
    /** Links beyond what the delete's own transaction could take are still being undone (cascades/trash-links.ts). */
    unlinking: { type: 'boolean' },
    /** Set when the record is back but some of its links are still being put back; the item then leaves the trash list. */
    restoredAt: { type: 'string' },
    /** Changes with every step of that background work, so two deliveries of one event cannot both apply a step. */
    stamp: { type: 'string' },
  },
  indexes: {
    byEntity: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['entityType', 'entityId'] } },
    byDeletedAt: gsi(1, ['accountId'], ['deletedAt', 'entityId']),
    byTypeDeletedAt: gsi(2, ['accountId', 'entityType'], ['deletedAt', 'entityId']),
  },
});
