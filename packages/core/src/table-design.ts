// The physical shape of the one table, read by the CDK data stack and by the local
// runtime when it creates the table. ElectroDB entities map their indexes onto these.
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Generic, overloaded GSIs: each entity gives them its own meaning (docs/data-model.md). */
export const GLOBAL_INDEXES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7'].map((name) => ({
  indexName: name,
  partitionKey: `${name}pk`,
  sortKey: `${name}sk`,
}));

/** Items with this epoch-seconds attribute are purged by DynamoDB TTL (trash, idempotency). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** Event-log items carry this ElectroDB entity name; the stream is filtered to them. */
export const EVENT_ENTITY = 'event';
