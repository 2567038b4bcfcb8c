// Ids are ULIDs: unique, opaque, and sorted by creation time (the sort keys rely on it).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomFillSync } from 'node:crypto';
import { monotonicFactory, encodeTime } from 'ulid';

/**
 * The same crypto-random bytes ulid's own source draws, taken from a pool filled 4 KB at a time:
 * its default asks the OS for one byte per character, 16 calls per id (the create bench's profile).
 */
const pool = new Uint8Array(4096);
let next = pool.length;
const prng = () => {
  if (next === pool.length) (randomFillSync(pool), (next = 0));
  return pool[next++]! / 256;
};

const ulid = monotonicFactory(prng);

/** A fixed moment and a source of ids that the same seed repeats (see `atFixedMoment`). */
interface Fixed {
  at: string;
  prefix: string;
  next: number;
}
const fixed = new AsyncLocalStorage<Fixed>();

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base32 = (n: number, width: number) => {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 32)) out = CROCKFORD[n % 32] + out;
  return out;
};

/** 30 bits of the seed: two seeds at one moment (two imports' rows) make different ids. */
const seedPart = (seed: string) => base32(createHash('sha256').update(seed).digest().readUInt32BE(0) % 32 ** 6, 6);

export const newId = () => {
  const f = fixed.getStore();
  if (!f) return ulid();
  // The seed's 30 bits, its ordinal, then the call's number: the same seed gives the same ids in the same order.
  return `${encodeTime(Date.parse(f.at), 10)}${f.prefix}${base32(f.next++, 4)}`;
};
export const now = () => fixed.getStore()?.at ?? new Date().toISOString();

/**
 * Runs `run` with `now()` fixed at `at` and `newId()` derived from `seed` and `ordinal` (ids sort by
 * the ordinal): a bulk writer (the import worker, a row's number) that runs a row again after a
 * crash writes exactly the same items again, not new ones.
 */
export function atFixedMoment<T>(at: string, seed: string, ordinal: number, run: () => T): T {
  const prefix = seedPart(seed) + base32(ordinal, 6);
  return fixed.run({ at, prefix, next: 0 }, run);
}

/** The ordinal an id was made with at this moment and seed (`atFixedMoment`); undefined for any other id. */
export function fixedOrdinalOf(id: string, at: string, seed: string): number | undefined {
  const head = encodeTime(Date.parse(at), 10) + seedPart(seed);
  if (id.length !== 26 || !id.toUpperCase().startsWith(head)) return undefined;
  return [...id.toUpperCase().slice(16, 22)].reduce((n, ch) => n * 32 + CROCKFORD.indexOf(ch), 0);
}

/** Smallest and largest ULID of a moment, for time ranges over id-sorted keys. */
export const idBounds = (iso: string) => {
  // ULIDs start at 1970: an earlier moment bounds like the first one.
  const t = encodeTime(Math.max(0, Date.parse(iso)), 10);
  return { low: `${t}0000000000000000`, high: `${t}ZZZZZZZZZZZZZZZZ` };
};
