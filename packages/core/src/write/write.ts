// Every mutation commits in ONE TransactWrite: the entity items, their counters, the
// event-log items (the outbox the stream carries to the bus) and the idempotency record.
import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Actor, Change, CrmEvent, EntityType, EventType } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { userActor } from '../context.ts';
import { db, dynamo } from '../db.ts';
import { DomainError, conflict, stale, unavailable } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { forgetSharedReads } from '../read-memo.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a transaction; `onFail` names the domain error when its condition fails. */
export interface Write {
  item: TransactItem;
  onFail?: () => DomainError;
  /** What the update is, said by the code that builds it, for code that treats writes by kind (bulk.ts, links.ts). */
  role?: WriteRole;
}

/**
 * An update that is more than its item: a counter's or tally's ADD (the amounts, so that many can be
 * summed into one), a claim of a phone or an e-mail (with the item it makes when nobody holds the
 * value yet), or the stamp that marks a stored record as newly linked.
 */
export type WriteRole =
  | { kind: 'add'; entity: 'counter' | 'tally'; accountId: string; key: string; amounts: Record<string, number> }
  | { kind: 'claim'; newItem?: () => Record<string, unknown> }
  | { kind: 'stamp'; record: string };

export interface EventDraft {
  type: EventType;
  entity: { type: EntityType; id: string };
  data: Record<string, unknown>;
  changes?: Change[];
}

type Params = { TableName?: string } & Record<string, unknown>;
export const put = (params: Params, onFail?: () => DomainError): Write => ({ item: { Put: params as never }, onFail });
export const update = (params: Params, onFail?: () => DomainError, role?: WriteRole): Write => ({
  item: { Update: params as never },
  onFail,
  ...(role && { role }),
});
export const remove = (params: Params, onFail?: () => DomainError): Write => ({ item: { Delete: params as never }, onFail });

/** Thrown when a versioned write lost a race: the caller re-reads and tries again. */
export class RaceLost extends Error {}
/** Thrown when the same Idempotency-Key committed first in a concurrent request. */
export class IdempotentReplay extends Error {}

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** DynamoDB's limit of items in one TransactWriteItems. */
export const MAX_TRANSACTION_ITEMS = 100;
// From `now()`, so that a write at a fixed moment (ids.ts `atFixedMoment`) is the same item every time.
const nowSeconds = () => Math.floor(Date.parse(now()) / 1000);

export interface Commit {
  caller: Pick<Caller, 'accountId'> & { actor?: Actor; userId?: string };
  writes: Write[];
  events: EventDraft[];
  options?: WriteOptions;
  /** What a retry with the same Idempotency-Key answers. */
  result?: unknown;
}

export function envelope(accountId: string, actor: Actor, draft: EventDraft): CrmEvent {
  return { id: newId(), accountId, occurredAt: now(), actor, ...draft };
}

export async function commit({ caller, writes, events, options, result }: Commit): Promise<CrmEvent[]> {
  const actor = caller.actor ?? userActor(caller as Caller);
  const envelopes = events.map((draft) => envelope(caller.accountId, actor, draft));
  const eventWrites = envelopes.map((e) =>
    put(
      db.event
        .create({
          accountId: e.accountId,
          eventId: e.id,
          type: e.type,
          occurredAt: e.occurredAt,
          actor: e.actor,
          actorId: e.actor.id,
          entityType: e.entity.type,
          entityId: e.entity.id,
          data: e.data,
          changes: e.changes,
        })
        .params(),
    ),
  );
  // Only a change that says what a retry should answer keeps an idempotency record.
  const idem = result === undefined ? undefined : options?.idempotency;
  const idemWrite = idem
    ? [
        put(
          db.idempotency
            .put({
              accountId: caller.accountId,
              key: idem.key,
              requestHash: idem.requestHash,
              result,
              claim: idem.claim,
              expiresAt: nowSeconds() + (idem.keepSeconds ?? IDEMPOTENCY_TTL_SECONDS),
            })
            // An expired record may linger until TTL purges it: it no longer counts. A claim of
            // this very request (made before its side effects) becomes the record.
            .where((a, op) =>
              [op.notExists(a.key), op.lt(a.expiresAt, nowSeconds()), ...(idem.claim ? [op.eq(a.claim, idem.claim)] : [])].join(' OR '),
            )
            .params(),
        ),
      ]
    : [];
  const all = [...writes, ...eventWrites, ...idemWrite];
  const held = together.getStore();
  if (held) {
    held.writes.push(...all);
    if (result && typeof result === 'object' && 'id' in result) held.ids.add(String(result.id));
    return envelopes;
  }
  if (all.length > MAX_TRANSACTION_ITEMS) {
    throw conflict(
      `This change touches too many records at once (${all.length} items, at most ${MAX_TRANSACTION_ITEMS}); make it in smaller steps`,
    );
  }
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: all.map((w) => w.item) }));
  } catch (err) {
    throw explain(err, all, idem !== undefined);
  }
  return envelopes;
}

/** Commits held to be sent as one transaction, and the ids of the records they create. */
const together = new AsyncLocalStorage<{ writes: Write[]; ids: Set<string> }>();

/** Runs `run`, holding its commits instead of sending them: their writes, for a bulk writer to send (write/bulk.ts). */
export async function holding<T>(run: () => Promise<T>): Promise<{ result: T; writes: Write[] }> {
  const held = { writes: [] as Write[], ids: new Set<string>() };
  const result = await together.run(held, run);
  return { result, writes: held.writes };
}

/** A record created by a commit held for the same transaction, so not in the table yet. */
export const heldInTransaction = (id: string) => together.getStore()?.ids.has(id) ?? false;

/** `pk|sk` of the item a write's params name: a put's Item, else its Key. */
export const itemKey = (params: { Item?: Record<string, unknown>; Key?: Record<string, unknown> } | undefined) => {
  const key = params?.Item ?? params?.Key;
  return key ? `${String(key.pk)}|${String(key.sk)}` : undefined;
};
const keyOf = (w: TransactItem) => itemKey(w.Put ?? w.Update ?? w.ConditionCheck ?? w.Delete);

/**
 * Runs `run`, holding its commits, and sends them as ONE transaction: an import's row (its contact
 * and its lead) in one request instead of one per record, all of the row or none. A record
 * created there is not touched again by the same transaction (it is new, its stamp is fresh).
 * Any failure is thrown as is: nothing was written, and the caller may write the row record by record.
 */
export async function inOneTransaction<T>(run: () => Promise<T>): Promise<T> {
  const { result, writes: held } = await holding(run);
  // One operation per item: a record put here is not also touched, and a record touched twice
  // (the contact and the lead both link the company) is touched once, as `touchingOnce` does.
  const put = new Set(held.flatMap((w) => (w.item.Put ? [keyOf(w.item)] : [])));
  const touched = new Map<string | undefined, string | undefined>();
  const writes = held.filter((w) => {
    if (w.item.Put) return true;
    const key = keyOf(w.item);
    if (put.has(key)) return false;
    const how = w.item.Update && !/\bADD\b/.test(w.item.Update.UpdateExpression ?? '') ? w.item.Update.UpdateExpression : undefined;
    if (how && touched.get(key) === how) return false;
    touched.set(key, how);
    return true;
  });
  if (writes.length > MAX_TRANSACTION_ITEMS) throw conflict('Too many items for one transaction');
  if (writes.length) {
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
    } catch (err) {
      throw explain(err, writes, false);
    }
  }
  return result;
}

function explain(err: unknown, writes: Write[], withIdempotency: boolean): Error {
  if (!(err instanceof TransactionCanceledException)) return err as Error;
  const reasons = err.CancellationReasons ?? [];
  if (withIdempotency && reasons[writes.length - 1]?.Code === 'ConditionalCheckFailed') return new IdempotentReplay();
  const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
  if (failed >= 0) return writes[failed]?.onFail?.() ?? new RaceLost();
  if (reasons.some((r) => r.Code === 'TransactionConflict')) return new RaceLost();
  return err;
}

/**
 * How long lost races are retried before the answer is a 503 with Retry-After: a Lambda has
 * 10 s (infra/lib/crm-function.ts), and the last attempt and the answer need time too.
 */
export const RACE_BUDGET_MS = 6_000;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 1_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The wait before try `i + 1`: exponential, with full jitter (a random wait up to the cap). */
export const backoffMs = (i: number) => Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** i);

/**
 * Runs a read-modify-write until it commits: a lost race re-reads, so a stale If-Match
 * then answers 412 and a change without If-Match applies to the latest version. The waits
 * grow exponentially with full jitter (a random wait up to the cap) so that many writers of
 * one item spread out instead of colliding again in step; only when the budget is spent is
 * the answer a 503, never a 409 for a race that was merely lost.
 */
export async function retrying<T>(attempt: () => Promise<T>, budgetMs = RACE_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof RaceLost)) throw err;
      forgetSharedReads();
      const left = deadline - Date.now();
      if (left <= 0) throw unavailable('The entity is being changed by many others at once; try again shortly');
      // The last wait ends at the deadline, so that the budget ends with one more attempt.
      await sleep(Math.min(left, backoffMs(i)));
    }
  }
}

/** If-Match: a version other than the one read is a 412, before anything is written. */
export function checkIfMatch(options: WriteOptions | undefined, version: number) {
  if (options?.ifMatch !== undefined && options.ifMatch !== version) throw stale();
}

/** Field-by-field before/after of a change, for the event log. */
export function diff<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T & string)[]): Change[] {
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}
