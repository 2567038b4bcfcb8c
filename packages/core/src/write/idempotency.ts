// Idempotency-Key: a retry with the same key and body gets the first answer; the same
// key with another body is a 422. The record is written inside the creating transaction.
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { DomainError } from '../errors.ts';
import { IdempotentReplay } from './write.ts';

export async function idempotent<T>(caller: Caller, options: WriteOptions | undefined, create: () => Promise<T>): Promise<T> {
  const idem = options?.idempotency;
  if (!idem) return create();
  const earlier = await replay<T>(caller, idem);
  if (earlier !== undefined) return earlier;
  try {
    return await create();
  } catch (err) {
    if (!(err instanceof IdempotentReplay)) throw err;
    return (await replay<T>(caller, idem)) as T;
  }
}

async function replay<T>(caller: Caller, idem: { key: string; requestHash: string }): Promise<T | undefined> {
  const { data } = await db.idempotency.get({ accountId: caller.accountId, key: idem.key }).go({ consistent: true });
  if (!data || data.expiresAt * 1000 < Date.now()) return undefined;
  if (data.requestHash !== idem.requestHash) {
    throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used with another request');
  }
  return data.result as T;
}
