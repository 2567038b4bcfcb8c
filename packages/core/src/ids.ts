// Ids are ULIDs: unique, opaque, and sorted by creation time (the sort keys rely on it).
import { randomFillSync } from 'node:crypto';
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
export const newId = () => ulid();
export const now = () => new Date().toISOString();

/** Smallest and largest ULID of a moment, for time ranges over id-sorted keys. */
export const idBounds = (iso: string) => {
  // ULIDs start at 1970: an earlier moment bounds like the first one.
  const t = encodeTime(Math.max(0, Date.parse(iso)), 10);
  return { low: `${t}0000000000000000`, high: `${t}ZZZZZZZZZZZZZZZZ` };
};
