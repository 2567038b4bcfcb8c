// Attributes every tenant entity shares, and the key helpers all entities use.
import type { Attribute } from 'electrodb';

export const SERVICE = 'crm';

export const baseAttributes = {
  accountId: { type: 'string', required: true, readOnly: true },
  createdAt: { type: 'string', required: true, readOnly: true },
  updatedAt: { type: 'string', required: true },
  createdBy: { type: 'string', required: true, readOnly: true },
  version: { type: 'number', required: true },
} as const satisfies Record<string, Attribute>;

/** A GSI of the generic table (table-design.ts) keyed by the given composites. */
export const gsi = <const N extends 1 | 2 | 3 | 4 | 5 | 6 | 7, const P extends readonly string[], const S extends readonly string[]>(
  n: N,
  pk: P,
  sk: S,
  /** A sparse index: only items for which this holds are in it. */
  condition?: (attributes: Record<string, unknown>) => boolean,
) => ({
  index: `gsi${n}` as `gsi${N}`,
  ...(condition ? { condition } : {}),
  pk: { field: `gsi${n}pk` as `gsi${N}pk`, composite: pk },
  sk: { field: `gsi${n}sk` as `gsi${N}sk`, composite: sk },
});

/** Money in sort keys: zero-padded cents so that string order is numeric order. */
export const moneyKey = (amount: number) => String(Math.round(amount * 100)).padStart(16, '0');

/** No open task: sorts after every due time, since index keys cannot be absent. */
export const NO_TASK_KEY = '~';

/**
 * A lead's, contact's or company's earliest open task (services/nearest-task.ts keeps it),
 * and its index key, so that lists can sort by it with the records without a task last.
 */
export const nearestTaskAttributes = {
  nearestTaskAt: { type: 'string' },
  nearestTaskKey: {
    type: 'string',
    hidden: true,
    default: NO_TASK_KEY,
    watch: ['nearestTaskAt'],
    set: (_: unknown, item: Record<string, unknown>) => (item.nearestTaskAt as string | undefined) ?? NO_TASK_KEY,
  },
} as const satisfies Record<string, Attribute>;
