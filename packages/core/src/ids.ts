// Ids are ULIDs: unique, opaque, and sorted by creation time (the sort keys rely on it).
import { monotonicFactory, encodeTime } from 'ulid';

const ulid = monotonicFactory();
export const newId = () => ulid();
export const now = () => new Date().toISOString();

/** Smallest and largest ULID of a moment, for time ranges over id-sorted keys. */
export const idBounds = (iso: string) => {
  // ULIDs start at 1970: an earlier moment bounds like the first one.
  const t = encodeTime(Math.max(0, Date.parse(iso)), 10);
  return { low: `${t}0000000000000000`, high: `${t}ZZZZZZZZZZZZZZZZ` };
};
