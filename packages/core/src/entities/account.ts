// Accounts (tenants), their users, and the global e-mail -> user claim.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes } from './base.ts';

export const AccountEntity = defineEntity({
  model: { entity: 'account', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    name: { type: 'string', required: true },
    currency: { type: 'string', required: true },
    timezone: { type: 'string', required: true },
    locale: { type: 'string', required: true },
    ipAllowlist: { type: 'list', items: { type: 'string' } },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: [] } },
  },
});

export const UserEntity = defineEntity({
  model: { entity: 'user', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    userId: { type: 'string', required: true, readOnly: true },
    email: { type: 'string', required: true },
    name: { type: 'string', required: true },
    role: { type: 'string', required: true },
    groupId: { type: 'string' },
    active: { type: 'boolean', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['userId'] } },
  },
});

/** Claims an e-mail address across all accounts: the Cognito user name is the e-mail. */
export const EmailClaimEntity = defineEntity({
  model: { entity: 'emailClaim', version: '1', service: SERVICE },
  attributes: {
    email: { type: 'string', required: true, readOnly: true },
    accountId: { type: 'string', required: true },
    userId: { type: 'string', required: true },
  },
  indexes: {
    byEmail: { pk: { field: 'pk', composite: ['email'] }, sk: { field: 'sk', composite: [] } },
  },
});
