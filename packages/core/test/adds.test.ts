// The hand-built ADD updates (write/adds.ts) are exactly what ElectroDB builds for the same update.
import { describe, expect, it } from 'vitest';
import { db } from '../src/db.ts';
import { addTo } from '../src/write/adds.ts';

describe('addTo', () => {
  const accountId = '01KAB3XYZ0AAAAAAAAAAAAAAAA';
  it.each([
    ['counter', 'stage#01P#01S#s3', { count: 1, amount: 5 }],
    ['counter', 'records#lead', { count: -1 }],
    ['tally', 'open#01P#01S#01U#2', { count: 1, amount: 12.5, enteredSecs: 1796023265 }],
    ['tally', 'day#2026-11-30#01P#01U#s1', { won: 1, wonAmount: 7, lost: -1, lostAmount: -7 }],
  ] as const)('%s %s', (entity, key, amounts) => {
    const electro = db[entity].update({ accountId, key }).add(amounts).params();
    expect(addTo(entity, accountId, key, amounts).item.Update).toStrictEqual(electro);
  });
});
