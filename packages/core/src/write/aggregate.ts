// The one versioned write. An aggregate (a lead, a pipeline, a task type...) is declared once:
// how it is read and stored, its contract form, the fields its events track, who may change
// it, and what else its transaction keeps in step. It then gets create, change and delete
// with If-Match, a diff into `changes`, its outbox events, retries of lost races and
// Idempotency-Key replays, all from here.
import type { Change, EntityType, EventType } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { notFound } from '../errors.ts';
import { now } from '../ids.ts';
import { definitionsGuard } from './definitions.ts';
import { idempotent } from './idempotency.ts';
import { checkIfMatch, commit as commitWrites, diff, put, RaceLost, remove, retrying, type EventDraft, type Write } from './write.ts';

export interface Versioned {
  accountId: string;
  version: number;
  updatedAt: string;
}

/** What a caller does to a stored item; who may create is the service's to check (it knows the new owner). */
export type Access = 'view' | 'edit' | 'delete';

/** How an aggregate's item is written, each write guarded by the version that was read. */
export interface Store<Item> {
  create(item: Item): Write;
  replace(current: Item, next: Item): Write;
  remove(current: Item): Write;
}

export interface AggregateSpec<Item extends Versioned, T extends { id: string }> {
  /** The event log's entity type, and the prefix of the aggregate's events (`task_type.created`). */
  type: EntityType;
  /** What a 404 calls it. */
  label: string;
  /** The key its events carry the contract form under: `{ lead }`, `{ field }`. */
  dataKey: string;
  read(caller: Caller, id: string, consistent: boolean): Promise<Item | null | undefined>;
  store: Store<Item>;
  toContract(item: Item): T;
  /** The contract fields a change lists in its event's `changes`; a change of none of them writes nothing. */
  tracked: readonly (keyof T & string)[];
  /** Throws 403 unless the caller may do this to the stored item (e.g. by its owner). */
  authorize?(caller: Caller, access: Access, item: Item): void;
  /** Checks before anything is written (custom fields, links, tag limits); may normalise `after` in place. */
  check?(caller: Caller, after: Item, before: Item | null): Promise<void> | void;
  /** Other items the same transaction keeps in step: counters, search terms, links. */
  alongside?(caller: Caller, before: Item | null, after: Item | null): Promise<Write[]> | Write[];
  /** Events beside the aggregate's own (`lead.stage_changed`, `lead.won`). */
  alsoEvents?(before: T | null, after: T, changes: Change[]): EventDraft[];
}

/** What a create or an edit adds to its transaction beyond the aggregate's declaration. */
export interface Extra {
  writes?: Write[];
  events?: EventDraft[];
}

export interface ChangeOptions {
  /** The event's last word, when not the usual `created` or `updated` (`note.added`, `task.completed`). */
  event?: string;
  /** Read the item strongly consistent (deletes that must see every link made a moment ago). */
  consistent?: boolean;
  /** Keep the answer for an Idempotency-Key (a change that adds something, e.g. a stage). */
  replayable?: boolean;
}

const lost = () => new RaceLost() as never;

/** Commits, checking that the definitions the write judged by are still current (write/definitions.ts). */
async function commit(c: Parameters<typeof commitWrites>[0]) {
  const guard = await definitionsGuard(c.caller, c.writes);
  const events = await commitWrites({ ...c, writes: [...c.writes, ...guard.writes] });
  guard.committed();
  return events;
}

/** The usual store of an ElectroDB entity: create, a put and a delete conditioned on the version read. */
// ElectroDB's generic entity types do not survive being passed around; the spec's types keep callers typed.
export function entityStore<Item extends Versioned>(entity: any, keyOf: (item: Item) => object): Store<Item> {
  const sameVersion = (version: number) => (a: any, op: any) => op.eq(a.version, version);
  return {
    create: (item) => put(entity.create(item).params()),
    replace: (current, next) => put(entity.put(next).where(sameVersion(current.version)).params(), lost),
    remove: (current) => remove(entity.delete(keyOf(current)).where(sameVersion(current.version)).params(), lost),
  };
}

export function aggregate<Item extends Versioned, T extends { id: string }>(spec: AggregateSpec<Item, T>) {
  const event = (stage: string, t: T, changes?: Change[]): EventDraft => ({
    type: `${spec.type}.${stage}` as EventType,
    entity: { type: spec.type, id: t.id },
    data: { [spec.dataKey]: t },
    ...(changes && { changes }),
  });
  const alongside = async (caller: Caller, before: Item | null, after: Item | null) =>
    (await spec.alongside?.(caller, before, after)) ?? [];

  /** The stored item, or a 404. */
  async function read(caller: Caller, id: string, consistent = false): Promise<Item> {
    const item = await spec.read(caller, id, consistent);
    if (!item) throw notFound(spec.label);
    return item;
  }

  /** Adds a new item, built inside the retry so that a lost race builds it again from fresh reads. */
  function create(
    caller: Caller,
    options: WriteOptions | undefined,
    build: () => Promise<{ item: Item } & Extra> | ({ item: Item } & Extra),
    how: Pick<ChangeOptions, 'event'> = {},
  ): Promise<T> {
    return idempotent(caller, options, () =>
      retrying(async () => {
        const { item, writes = [], events = [] } = await build();
        await spec.check?.(caller, item, null);
        const created = spec.toContract(item);
        await commit({
          caller,
          options,
          result: created,
          writes: [spec.store.create(item), ...writes, ...(await alongside(caller, null, item))],
          events: [event(how.event ?? 'created', created), ...(spec.alsoEvents?.(null, created, []) ?? []), ...events],
        });
        return created;
      }),
    );
  }

  /**
   * Read, If-Match, edit, diff, commit, retried on a lost race so that a change without
   * If-Match is never lost. `edit` gets a copy of the stored item; a change of no tracked
   * field writes nothing and answers the item as it is.
   */
  function change(
    caller: Caller,
    id: string,
    options: WriteOptions | undefined,
    edit: (current: Item) => Promise<{ next: Item } & Extra> | ({ next: Item } & Extra),
    how: ChangeOptions = {},
  ): Promise<T> {
    return retrying(async () => {
      const current = await read(caller, id, how.consistent);
      checkIfMatch(options, current.version);
      spec.authorize?.(caller, 'edit', current);
      const edited = await edit(structuredClone(current));
      const next = { ...edited.next, updatedAt: now(), version: current.version + 1 };
      await spec.check?.(caller, next, current);
      const before = spec.toContract(current);
      const after = spec.toContract(next);
      const changes = diff<Record<string, unknown>>(before, after, spec.tracked);
      if (changes.length === 0) return before;
      await commit({
        caller,
        options,
        result: how.replayable ? after : undefined,
        writes: [spec.store.replace(current, next), ...(edited.writes ?? []), ...(await alongside(caller, current, next))],
        events: [
          event(how.event ?? 'updated', after, changes),
          ...(spec.alsoEvents?.(before, after, changes) ?? []),
          ...(edited.events ?? []),
        ],
      });
      return after;
    });
  }

  /** Deletes the item; `extra` adds what leaves with it (its trash item, its links). */
  function destroy(
    caller: Caller,
    id: string,
    options: WriteOptions | undefined,
    extra?: (current: Item) => Promise<Extra> | Extra,
    how: Pick<ChangeOptions, 'consistent'> = {},
  ): Promise<void> {
    return retrying(async () => {
      const current = await read(caller, id, how.consistent);
      checkIfMatch(options, current.version);
      spec.authorize?.(caller, 'delete', current);
      const { writes = [], events = [] } = (await extra?.(current)) ?? {};
      await commit({
        caller,
        options,
        writes: [spec.store.remove(current), ...writes, ...(await alongside(caller, current, null))],
        events: [event('deleted', spec.toContract(current)), ...events],
      });
    });
  }

  /** The item in its contract form, after the view right. */
  async function get(caller: Caller, id: string): Promise<T> {
    const item = await read(caller, id);
    spec.authorize?.(caller, 'view', item);
    return spec.toContract(item);
  }

  return { spec, read, get, create, change, destroy, event, alongside };
}
