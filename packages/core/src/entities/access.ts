// Who may do what: an account's custom roles (a rights matrix) and its groups of users.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes } from './base.ts';

export const RoleEntity = defineEntity({
  model: { entity: 'role', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    roleId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    /** entity -> action -> scope, as the contract's matrix (rights.ts `Rights`). */
    rights: { type: 'any', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['roleId'] } },
  },
});

export const GroupEntity = defineEntity({
  model: { entity: 'group', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    groupId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    headUserId: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['groupId'] } },
  },
});
