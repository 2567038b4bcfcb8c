// API keys for integrations: created by an admin with scopes, shown once, kept only as a hash.
import * as z from 'zod';
import { EntityBase, ListQuery, Timestamp } from './common.ts';
import { name } from './text.ts';
import { API_KEY_SCOPES } from './scopes.ts';

export const ApiKeyScope = z.enum(API_KEY_SCOPES);

export const ApiKey = EntityBase.extend({
  name: z.string(),
  scopes: z.array(ApiKeyScope),
  /** The key's last four characters, so a person can tell keys apart. */
  hint: z.string(),
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer to a create: the only time the key itself is shown. */
export const CreatedApiKey = ApiKey.extend({ key: z.string().meta({ description: 'The secret key; shown only in this answer' }) });

export const ApiKeyCreate = z.strictObject({
  name: name(100),
  scopes: z
    .array(ApiKeyScope)
    .min(1)
    .max(API_KEY_SCOPES.length)
    .refine((s) => new Set(s).size === s.length, 'lists a scope twice'),
  expiresAt: Timestamp.refine((t) => Date.parse(t) > Date.now(), 'must be in the future').optional(),
});
export const ApiKeyListQuery = ListQuery;
