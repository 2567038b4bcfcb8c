// API keys: an admin creates one with scopes (and maybe an expiry); the key is shown once and
// only its SHA-256 is stored. A plain hash is enough: the key is 256 random bits, so there is
// no dictionary to try and nothing a slow hash (bcrypt, scrypt) would protect; it also keeps
// each request's check to one hash and one GetItem.
import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ApiKey, ApiKeyCreate, ApiKeyListQuery } from '@crm/contract';
import { API_KEY_PREFIX } from '@crm/contract/scopes';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { notFound, throttled, unauthorized } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { stampsOf } from '../model/stamps.ts';
import { put, remove, retrying, commit } from '../write/write.ts';
import { conditionFailed } from '../write/idempotency.ts';

type ApiKeyItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.apiKey.get>['go']>>['data']>;

const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const toApiKey = (k: ApiKeyItem): ApiKey => ({
  id: k.keyId,
  name: k.name,
  scopes: k.scopes as ApiKey['scopes'],
  hint: k.hint,
  expiresAt: k.validUntil ?? null,
  lastUsedAt: k.lastUsedAt ?? null,
  ...stampsOf(k),
});

export async function createApiKey(caller: Caller, input: z.output<typeof ApiKeyCreate>) {
  requireAdmin(caller);
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const keyHash = hashOf(key);
  const at = now();
  const fields = { accountId: caller.accountId, keyId: newId(), scopes: input.scopes, validUntil: input.expiresAt };
  const item: ApiKeyItem = {
    ...fields,
    name: input.name,
    keyHash,
    hint: key.slice(-4),
    createdAt: at,
    updatedAt: at,
    createdBy: caller.userId,
    version: 1,
  };
  const apiKey = toApiKey(item);
  await commit({
    caller,
    writes: [put(db.apiKey.create(item).params()), put(db.apiKeyLookup.create({ ...fields, keyHash, createdBy: caller.userId }).params())],
    // The event names the key by id and hint; the key itself exists only in this answer.
    events: [{ type: 'api_key.created', entity: { type: 'api_key', id: apiKey.id }, data: { apiKey } }],
  });
  return { ...apiKey, key };
}

export async function listApiKeys(caller: Caller, query: z.output<typeof ApiKeyListQuery>) {
  requireAdmin(caller);
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => db.apiKey.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toApiKey);
}

/** Deletes the key and its lookup item together: the next request with it is a 401. */
export async function revokeApiKey(caller: Caller, keyId: string) {
  requireAdmin(caller);
  await retrying(async () => {
    const { data } = await db.apiKey.get({ accountId: caller.accountId, keyId }).go({ consistent: true });
    if (!data) throw notFound('API key');
    await commit({
      caller,
      writes: [
        remove(
          db.apiKey
            .delete({ accountId: data.accountId, keyId })
            .where((a, op) => op.exists(a.keyId))
            .params(),
        ),
        remove(db.apiKeyLookup.delete({ keyHash: data.keyHash }).params()),
      ],
      events: [{ type: 'api_key.revoked', entity: { type: 'api_key', id: keyId }, data: { apiKey: toApiKey(data) } }],
    });
  });
}

/** Requests a key may make per minute (CRM_API_KEY_RATE_LIMIT, default 600). */
const rateLimit = () => Number(process.env.CRM_API_KEY_RATE_LIMIT ?? 600);
/** At most one lastUsedAt write per key per minute from this instance (and the condition keeps it so across instances). */
const LAST_USED_EVERY_MS = 60_000;
const touched = new Map<string, number>();

/** The caller an API key acts as: actor `integration`, exactly the key's scopes. A 401 for an unknown, revoked or expired key. */
export async function callerOfApiKey(key: string): Promise<Caller> {
  const { data } = await db.apiKeyLookup.get({ keyHash: hashOf(key) }).go({ consistent: true });
  if (!data) throw unauthorized('The API key is unknown or revoked');
  if (data.validUntil && Date.parse(data.validUntil) <= Date.now()) throw unauthorized('The API key has expired');
  await countRequest(data.accountId, data.keyId);
  await touchLastUsed(data.accountId, data.keyId);
  // The key reaches the whole account within its scopes: the operations, not the owner, limit it.
  return {
    accountId: data.accountId,
    userId: data.createdBy,
    role: 'admin',
    groupId: null,
    actor: { type: 'integration', id: data.keyId },
    scopes: data.scopes,
  };
}

/** One counter per key and minute, raised only while under the limit (a conditional ADD). */
async function countRequest(accountId: string, keyId: string) {
  const nowMs = Date.now();
  const minute = new Date(nowMs).toISOString().slice(0, 16);
  const limit = rateLimit();
  try {
    await db.apiKeyUsage
      .update({ accountId, keyId, minute })
      .add({ count: 1 })
      .set({ expiresAt: Math.floor(nowMs / 1000) + 120 })
      .where((a, op) => `${op.notExists(a.count)} OR ${op.lt(a.count, limit)}`)
      .go({ response: 'none' });
  } catch (err) {
    if (!conditionFailed(err)) throw err;
    const retryAfter = Math.max(1, Math.ceil((60_000 - (nowMs % 60_000)) / 1000));
    throw throttled(`This API key made more than ${limit} requests this minute`, retryAfter);
  }
}

async function touchLastUsed(accountId: string, keyId: string) {
  const at = Date.now();
  if ((touched.get(keyId) ?? 0) > at - LAST_USED_EVERY_MS) return;
  touched.set(keyId, at);
  const before = new Date(at - LAST_USED_EVERY_MS).toISOString();
  try {
    await db.apiKey
      .patch({ accountId, keyId })
      .set({ lastUsedAt: new Date(at).toISOString() })
      .where((a, op) => `${op.notExists(a.lastUsedAt)} OR ${op.lt(a.lastUsedAt, before)}`)
      .go({ response: 'none' });
  } catch (err) {
    // Another instance wrote it within the minute, or the key was revoked meanwhile.
    if (!conditionFailed(err)) throw err;
  }
}
