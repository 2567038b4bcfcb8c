// The report counters recounted from the records: for leads, tasks and contacts that existed
// before the counters (issue 11), or after any doubt. It reads the account's leads, tasks and
// contacts page by page, sums what each contributes exactly as its live writes would
// (derived/analytics-counters.ts), then sets every counter to its sum and removes the ones
// nothing contributes to. Every write is an absolute value, so a second run changes nothing
// (idempotent), and the state after each page (position and sums) is a checkpoint to resume
// from. Run it while the account is quiet: a change made during the recount may be missed.
import { db } from '../db.ts';
import {
  accountTimeZone,
  addContribution,
  contactContribution,
  leadContribution,
  TALLY_PREFIXES,
  taskContribution,
  type Contribution,
  type Tally,
} from '../derived/analytics-counters.ts';
import type { LeadItem } from '../model/lead.ts';

const PHASES = ['leads', 'tasks', 'contacts', 'write'] as const;

/** Where a recount stands: the phase, the cursor within it, and the sums so far (JSON-safe, for a checkpoint). */
export interface RecountState {
  accountId: string;
  phase: (typeof PHASES)[number] | 'done';
  cursor: string | null;
  sums: [string, Tally][];
  /** Records read so far, per kind. */
  read: Record<'leads' | 'tasks' | 'contacts', number>;
}

export const newRecount = (accountId: string): RecountState => ({
  accountId,
  phase: 'leads',
  cursor: null,
  sums: [],
  read: { leads: 0, tasks: 0, contacts: 0 },
});

const PAGE = 500;

/**
 * Runs a recount from `state` until done, or for `pages` pages (then returns the state to go
 * on from); `checkpoint` is told the state after each page.
 */
export async function recountTallies(
  state: RecountState,
  opts: { pages?: number; pageSize?: number; checkpoint?: (state: RecountState) => unknown } = {},
): Promise<RecountState> {
  const { accountId } = state;
  const timeZone = await accountTimeZone(accountId);
  const sums: Contribution = new Map(state.sums);
  let { phase, cursor } = state;
  const read = { ...state.read };
  const limit = opts.pageSize ?? PAGE;
  for (let page = 0; phase !== 'done' && (opts.pages === undefined || page < opts.pages); page++) {
    if (phase === 'write') {
      await writeSums(accountId, sums);
      phase = 'done';
    } else {
      const answer =
        phase === 'leads'
          ? await db.lead.query.byId({ accountId }).go({ limit, cursor })
          : phase === 'tasks'
            ? await db.task.query.byId({ accountId }).go({ limit, cursor })
            : await db.contact.query.byId({ accountId }).go({ limit, cursor });
      for (const item of answer.data) {
        if (phase === 'leads') addContribution(sums, leadContribution(item as LeadItem, timeZone));
        else if (phase === 'tasks') addContribution(sums, taskContribution(item as Parameters<typeof taskContribution>[0], timeZone));
        else addContribution(sums, contactContribution(item));
      }
      read[phase] += answer.data.length;
      cursor = answer.cursor ?? null;
      if (!cursor) phase = PHASES[PHASES.indexOf(phase) + 1]!;
    }
    await opts.checkpoint?.({ accountId, phase, cursor, sums: [...sums], read });
  }
  return { accountId, phase, cursor, sums: [...sums], read };
}

/** Sets each counter to its recounted sum (a PUT: absolute) and deletes the counters no record contributes to. */
async function writeSums(accountId: string, sums: Contribution) {
  const existing = (
    await Promise.all(TALLY_PREFIXES.map((prefix) => db.tally.query.byKey({ accountId }).begins({ key: prefix }).go({ pages: 'all' })))
  )
    .flatMap((a) => a.data)
    .map((t) => t.key);
  const kept = [...sums].filter(([, t]) => Object.values(t).some((v) => v !== 0));
  const keptKeys = new Set(kept.map(([key]) => key));
  const stale = existing.filter((key) => !keptKeys.has(key));
  const puts = kept.map(([key, t]) => ({ accountId, key, ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== 0)) }));
  for (let i = 0; i < puts.length; i += 25) await retryUnprocessed(() => db.tally.put(puts.slice(i, i + 25)).go());
  for (let i = 0; i < stale.length; i += 25) {
    await retryUnprocessed(() => db.tally.delete(stale.slice(i, i + 25).map((key) => ({ accountId, key }))).go());
  }
}

async function retryUnprocessed(batch: () => Promise<{ unprocessed: unknown[] }>) {
  // ElectroDB sends the batch; what DynamoDB left unprocessed is sent again (the same absolute values).
  for (let attempt = 0; attempt < 5; attempt++) {
    const { unprocessed } = await batch();
    if (!unprocessed.length) return;
    await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
  throw new Error('DynamoDB left tally writes unprocessed');
}
