// Idempotency-Key: a retry with the same key and body gets the first answer; the same
// key with another body is a 422. The record is written inside the creating transaction.
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { DomainError, unavailable } from '../errors.ts';
import { newId } from '../ids.ts';
import { backoffMs, IdempotentReplay, RACE_BUDGET_MS, sleep } from './write.ts';

type Idempotency = NonNullable<WriteOptions['idempotency']>;
/** What the key's record says: the first answer, or that its first request is still running. */
type Earlier<T> = { result: T } | 'running' | undefined;

export async function idempotent<T>(caller: Caller, options: WriteOptions | undefined, create: () => Promise<T>): Promise<T> {
  const idem = options?.idempotency;
  if (!idem) return create();
  const earlier = idem.fresh ? undefined : await lookUp<T>(caller, idem);
  if (earlier === 'running') return waitForFirst(caller, idem, () => idempotent(caller, options, create));
  if (earlier) return earlier.result;
  try {
    return await create();
  } catch (err) {
    if (!(err instanceof IdempotentReplay)) throw err;
    return ((await lookUp<T>(caller, idem)) as { result: T }).result;
  }
}

/**
 * Longer than a Lambda may run: a claim is never taken from a request that is still alive,
 * and one left by a request that died frees the key after it.
 */
const CLAIM_LEASE_SECONDS = 60;

/**
 * For a create with a side effect outside the table (a Cognito login), which one transaction
 * cannot undo: the key is claimed first, so that a concurrent retry waits for the first
 * answer instead of repeating the side effect. `create` commits with the claim's options, whose
 * record then replaces the claim; a create that fails gives the key back.
 */
export async function claimed<T>(
  caller: Caller,
  options: WriteOptions | undefined,
  create: (options: WriteOptions | undefined) => Promise<T>,
): Promise<T> {
  const idem = options?.idempotency;
  if (!idem) return create(options);
  const earlier = await lookUp<T>(caller, idem);
  if (earlier === 'running') return waitForFirst(caller, idem, () => claimed(caller, options, create));
  if (earlier) return earlier.result;
  const claim = newId();
  if (!(await claimKey(caller, idem, claim))) return claimed(caller, options, create);
  try {
    return await create({ ...options, idempotency: { ...idem, claim } });
  } catch (err) {
    await releaseKey(caller, idem.key, claim).catch(() => undefined);
    throw err;
  }
}

/** Polls the record of a running first request until it answers or gives the key back; then `again`. */
async function waitForFirst<T>(caller: Caller, idem: Idempotency, again: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + RACE_BUDGET_MS;
  for (let i = 0; Date.now() < deadline; i++) {
    await sleep(Math.min(deadline - Date.now(), backoffMs(i + 3)));
    const earlier = await lookUp<T>(caller, idem);
    if (earlier === undefined) return again();
    if (earlier !== 'running') return earlier.result;
  }
  throw unavailable('The first request with this Idempotency-Key is still running; ask again shortly');
}

async function lookUp<T>(caller: Caller, idem: Idempotency): Promise<Earlier<T>> {
  const { data } = await db.idempotency.get({ accountId: caller.accountId, key: idem.key }).go({ consistent: true });
  if (!data || data.expiresAt * 1000 < Date.now()) return undefined;
  if (data.requestHash !== idem.requestHash) {
    throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used with another request');
  }
  return data.result === undefined ? 'running' : { result: data.result as T };
}

/** Takes a free (or expired) key for this request; false when another request holds it. */
async function claimKey(caller: Caller, idem: Idempotency, claim: string): Promise<boolean> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  try {
    await db.idempotency
      .put({
        accountId: caller.accountId,
        key: idem.key,
        requestHash: idem.requestHash,
        claim,
        expiresAt: nowSeconds + CLAIM_LEASE_SECONDS,
      })
      .where((a, op) => `${op.notExists(a.key)} OR ${op.lt(a.expiresAt, nowSeconds)}`)
      .go();
    return true;
  } catch (err) {
    if (conditionFailed(err)) return false;
    throw err;
  }
}

/** Gives a claimed key back, unless the create did commit its answer after all. */
const releaseKey = (caller: Caller, key: string, claim: string) =>
  db.idempotency
    .delete({ accountId: caller.accountId, key })
    .where((a, op) => `${op.eq(a.claim, claim)} AND ${op.notExists(a.result)}`)
    .go();

export const conditionFailed = (err: unknown) => {
  const cause = (err as { cause?: { name?: string } })?.cause ?? err;
  return (cause as { name?: string })?.name === 'ConditionalCheckFailedException';
};
