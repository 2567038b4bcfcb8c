// The ADD update of a counter or tally item, built directly. A lead create moves eight of them in
// its transaction, and ElectroDB's generic update builder cost more CPU than the rest of the
// create's own work together (docs/PERFORMANCE.md, "Where a create's time goes"). The params are
// exactly ElectroDB's for the same update: packages/core/test/adds.test.ts compares them.
import { config } from '../config.ts';
import { update, type Write, type WriteRole } from './write.ts';

/** The items kept by ADD: the `counter` and `tally` entities (entities/system.ts), both keyed by account and key. */
export type AddedEntity = Extract<WriteRole, { kind: 'add' }>['entity'];

/** The same keys ElectroDB writes for the entity (service `crm`, version 1, composites lower-cased). */
export const addedKey = (entity: AddedEntity, accountId: string, key: string) => ({
  pk: `$crm#accountid_${accountId.toLowerCase()}`,
  sk: `$${entity}_1#key_${key.toLowerCase()}`,
});

/** Adds `amounts` (fields of the entity, none zero-filtered here) to the item `key` of the account. */
export function addTo(entity: AddedEntity, accountId: string, key: string, amounts: Record<string, number>): Write {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds: string[] = [];
  for (const [field, value] of Object.entries(amounts)) {
    names[`#${field}`] = field;
    values[`:${field}_u0`] = value;
    adds.push(`#${field} :${field}_u0`);
  }
  Object.assign(names, { '#accountId': 'accountId', '#key': 'key', '#__edb_e__': '__edb_e__', '#__edb_v__': '__edb_v__' });
  Object.assign(values, { ':accountId_u0': accountId, ':key_u0': key, ':__edb_e___u0': entity, ':__edb_v___u0': '1' });
  return update(
    {
      UpdateExpression: `SET #accountId = :accountId_u0, #key = :key_u0, #__edb_e__ = :__edb_e___u0, #__edb_v__ = :__edb_v___u0 ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      TableName: config.tableName,
      Key: addedKey(entity, accountId, key),
    },
    undefined,
    { kind: 'add', entity, accountId, key, amounts },
  );
}
