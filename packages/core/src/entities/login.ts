// Sign-ins of an account's users: newest first for the whole account (its own partition range)
// or for one user (gsi1), each page one Query. Kept a year (TTL).
import { defineEntity } from './define.ts';
import { SERVICE, gsi } from './base.ts';

export const LoginEntity = defineEntity({
  model: { entity: 'login', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    /** `<auth_time>-<userId>`: the same token's sign-in is recorded once however often it is reported. */
    loginId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    at: { type: 'string', required: true, readOnly: true },
    ip: { type: 'string', required: true },
    device: { type: 'string', required: true },
    userAgent: { type: 'string' },
    success: { type: 'boolean', required: true },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byTime: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['at', 'loginId'] } },
    byUser: gsi(1, ['accountId', 'userId'], ['at', 'loginId']),
  },
});
