// The account's definitions that record writes judge by (pipelines with their stages, custom
// fields), kept per warm Lambda for a short while so that a create reads neither. What keeps it
// correct is the transaction, not the TTL: every change of a definition adds 1 to the account's
// definitions version in its own transaction, and every write that judged by a kept copy checks
// in its transaction that the version is still the one the copy was read at. A copy gone stale
// fails that check: it is dropped and the write is tried again from fresh reads (write.ts
// `retrying`), so a lead can never land in a deleted stage nor skip a field made required.
import type { EntityItem } from 'electrodb';
import type { RecordCollection } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import type { PipelineEntity } from '../entities/pipeline.ts';
import type { FieldItem } from '../model/custom-field.ts';
import { DomainError } from '../errors.ts';
import { config } from '../config.ts';
import { addedKey } from './adds.ts';
import { RaceLost, update, type Write } from './write.ts';

type PipelineItem = EntityItem<typeof PipelineEntity>;

/** The counter items whose `count` is the account's definitions version (absent: 0). */
const VERSION_KEY = 'definitions';
/**
 * The version is kept in this many items, all moved together by every change, so each holds it
 * whole: a write checks any one (at random), and none takes more than a share of the account's
 * record writes (docs/PERFORMANCE.md, "Write rate per item"). Shard 0 is the bare key.
 */
export const DEFINITIONS_SHARDS = 8;
/** How long a warm Lambda keeps an account's definitions without asking their version again. */
export const DEFINITIONS_TTL_MS = 30_000;
/** Accounts whose definitions one Lambda keeps at most (the oldest go first). */
const KEPT_ACCOUNTS = 500;

interface Snapshot {
  accountId: string;
  /** Read first: every part is read after it, so no part is older than the version it is checked by. */
  version: Promise<number>;
  until: number;
  parts: Map<string, Promise<unknown>>;
}

const kept = new Map<string, Snapshot>();
/** The copy each request judged by, pinned to its Caller: all its checks and its condition see one version. */
const pinned = new WeakMap<object, Snapshot>();
/** The writes that change a definition (see `definitionsChanged`): their transaction needs no version check. */
const bumps = new WeakSet<Write>();

const versionKey = (accountId: string, shard = 0) => ({ accountId, key: shard ? `${VERSION_KEY}#s${shard}` : VERSION_KEY });

/** The account's definitions version, read strongly consistent. */
async function readVersion(accountId: string) {
  const { data } = await db.counter.get(versionKey(accountId)).go({ consistent: true });
  return data?.count ?? 0;
}

function snapshotOf(caller: Caller): Snapshot {
  let s = pinned.get(caller);
  if (s) return s;
  s = kept.get(caller.accountId);
  if (!s || s.until <= Date.now()) {
    const fresh: Snapshot = {
      accountId: caller.accountId,
      version: readVersion(caller.accountId),
      until: Date.now() + DEFINITIONS_TTL_MS,
      parts: new Map(),
    };
    fresh.version.catch(() => kept.get(caller.accountId) === fresh && kept.delete(caller.accountId));
    kept.delete(caller.accountId);
    kept.set(caller.accountId, fresh);
    if (kept.size > KEPT_ACCOUNTS) kept.delete(kept.keys().next().value!);
    s = fresh;
  }
  pinned.set(caller, s);
  return s;
}

/** A part of the caller's copy, read once per copy (strongly consistent, after its version). */
function part<T>(caller: Caller, name: string, read: (accountId: string) => Promise<T>): Promise<T> {
  const s = snapshotOf(caller);
  let p = s.parts.get(name) as Promise<T> | undefined;
  if (!p) {
    const reading = s.version.then(() => read(s.accountId));
    reading.catch(() => s.parts.get(name) === reading && s.parts.delete(name));
    s.parts.set(name, reading);
    p = reading;
  }
  return p;
}

/** The account's pipelines as the caller's request judges by them. */
export const keptPipelines = (caller: Caller): Promise<PipelineItem[]> =>
  part(caller, 'pipelines', async (accountId) => (await db.pipeline.query.byId({ accountId }).go({ pages: 'all', consistent: true })).data);

/** The custom fields of a collection as the caller's request judges by them. */
export const keptFields = (caller: Caller, collection: RecordCollection): Promise<FieldItem[]> =>
  part(
    caller,
    `fields#${collection}`,
    async (accountId) =>
      (await db.customField.query.byCollection({ accountId, entityType: collection }).go({ pages: 'all', consistent: true })).data,
  );

/** Forgets the caller's copy (and the Lambda's, if it is the same): the next look reads afresh. */
function drop(caller: Pick<Caller, 'accountId'>) {
  const s = pinned.get(caller);
  pinned.delete(caller);
  if (s && kept.get(caller.accountId) === s) kept.delete(caller.accountId);
}

/**
 * Runs a check that may refuse by the definitions (no such stage, not an option of the field):
 * a refusal stands only if the copy is still current; a copy gone stale is dropped and the
 * attempt retried (inside `retrying`), so a definition added a moment ago on another Lambda is
 * never refused.
 */
export async function judged<T>(caller: Caller, check: () => Promise<T> | T): Promise<T> {
  try {
    return await check();
  } catch (err) {
    const s = pinned.get(caller);
    if (!s || !(err instanceof DomainError)) throw err;
    if ((await readVersion(caller.accountId)) === (await s.version)) throw err;
    drop(caller);
    throw new RaceLost();
  }
}

/** The writes that mark a change of a definition (every shard of the version): in that change's own transaction. */
export function definitionsChanged(accountId: string): Write[] {
  return Array.from({ length: DEFINITIONS_SHARDS }, (_, shard) => {
    const write = update(db.counter.update(versionKey(accountId, shard)).add({ count: 1 }).params());
    bumps.add(write);
    return write;
  });
}

/**
 * What an aggregate's commit adds to its transaction (aggregate.ts): the check that the definitions the request
 * judged by are still current, when it judged by any. A transaction that changes a definition
 * checks nothing here and leaves the Lambda to read the new ones.
 */
export async function definitionsGuard(
  caller: Pick<Caller, 'accountId'>,
  writes: Write[],
): Promise<{ writes: Write[]; committed: () => void }> {
  if (writes.some((w) => bumps.has(w))) return { writes: [], committed: () => (drop(caller), kept.delete(caller.accountId)) };
  const s = pinned.get(caller);
  if (!s) return { writes: [], committed: () => undefined };
  const version = await s.version;
  const shard = Math.floor(Math.random() * DEFINITIONS_SHARDS);
  const { accountId, key } = versionKey(caller.accountId, shard);
  const check: Write = {
    item: {
      ConditionCheck: {
        TableName: config.tableName,
        Key: addedKey('counter', accountId, key),
        ConditionExpression: version ? '#count = :version' : 'attribute_not_exists(#count)',
        ExpressionAttributeNames: { '#count': 'count' },
        ...(version ? { ExpressionAttributeValues: { ':version': version } } : {}),
      },
    },
    onFail: () => (drop(caller), new RaceLost() as never),
  };
  return { writes: [check], committed: () => undefined };
}
