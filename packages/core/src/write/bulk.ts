// Bulk writes, for the import worker: the writes of many records' commits (held by `holding`,
// write.ts) sent the cheap way. A new item whose id the writer fixed (ids.ts `atFixedMoment`)
// needs no transaction: BatchWriteItem puts it, and a rerun after a crash puts the very same item
// again. Each update says what it is (write.ts `WriteRole`): the ADDs of counters and tallies are
// summed per item and added once, in the transaction that moves the writer's checkpoint, so that
// they move with it; a claim nobody holds becomes a put of the new claim. A write of anything
// else (a stored record's change) is not bulk: `take` refuses the record, and the writer commits
// it as usual.
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../db.ts';
import { inParallel } from '../in-parallel.ts';
import { addTo } from './adds.ts';
import { backoffMs, itemKey, sleep, type TransactItem, type Write, type WriteRole } from './write.ts';

/** DynamoDB's limit of items in one BatchWriteItem. */
const BATCH_ITEMS = 25;
/** BatchWriteItem requests in flight at once. */
const IN_FLIGHT = 8;

type Params = { TableName?: string; Key?: Record<string, unknown>; Item?: Record<string, unknown> } & Record<string, unknown>;
type AddRole = Extract<WriteRole, { kind: 'add' }>;

const keyOf = (p: Params) => itemKey(p)!;

/** A put of a new item (its key is fresh: the condition only guards against a clash of ids). */
const NEW_ITEM = /^attribute_not_exists\(#pk\) AND attribute_not_exists\(#sk\)$/;
/** An Idempotency-Key record: the writer's keys are its own (job and row), so a rerun may put it again. */
const IDEMPOTENCY_RECORD = /^attribute_not_exists\(#key\) OR #expiresAt < :expiresAt0$/;

export class Bulk {
  /** New items, by key, still to be sent. */
  private puts = new Map<string, { TableName: string; Item: Record<string, unknown> }>();
  /** Keys of every item this bulk put: a stamp on one of them is not needed. */
  private written = new Set<string>();
  /** Counters and tallies by item key, their amounts summed. */
  private adds = new Map<string, AddRole>();
  private checks = new Map<string, TransactItem>();
  /** Claims that add a holder beside others, and stamps of stored records: single updates, each safe to repeat. */
  private updates = new Map<string, { params: Params; stamp: boolean }>();
  /** Values claimed only by this bulk's contacts: a second claim of one waits for the first to be in the table. */
  private claimed = new Set<string>();

  /** `claimedBefore`: values the bulk before this one claims, maybe not in the table yet. */
  constructor(private claimedBefore = new Set<string>()) {}

  /** The values this bulk claims. */
  claims() {
    return new Set(this.claimed);
  }

  /**
   * Takes a record's writes when every one of them can go in bulk; otherwise takes nothing and
   * answers false. An exclusive claim (its create read the value as free) becomes a put of a new
   * claim; a value another record of this bulk or the one before claims waits (false).
   */
  take(writes: Write[]): boolean {
    const puts: { TableName: string; Item: Record<string, unknown> }[] = [];
    const adds: AddRole[] = [];
    const checks: TransactItem[] = [];
    const updates: { params: Params; stamp: boolean }[] = [];
    const claims: string[] = [];
    for (const { item, role } of writes) {
      if (item.Put) {
        const p = item.Put as Params & { ConditionExpression?: string };
        const cond = p.ConditionExpression;
        if (cond && !NEW_ITEM.test(cond) && !IDEMPOTENCY_RECORD.test(cond)) return false;
        puts.push({ TableName: p.TableName!, Item: p.Item! });
      } else if (item.ConditionCheck) {
        checks.push(item);
      } else if (item.Update && role?.kind === 'add') {
        adds.push(role);
      } else if (item.Update && role?.kind === 'claim') {
        const u = item.Update as Params;
        const key = keyOf(u);
        if (this.claimed.has(key) || this.claimedBefore.has(key) || claims.includes(key)) return false;
        // Nobody held it when the row was checked: the claim is a new item.
        if (role.newItem) puts.push({ TableName: u.TableName!, Item: role.newItem() });
        else updates.push({ params: u, stamp: false });
        claims.push(key);
      } else if (item.Update && role?.kind === 'stamp') {
        updates.push({ params: item.Update as Params, stamp: true });
      } else return false;
    }
    for (const p of puts) {
      this.puts.set(keyOf(p), p);
      this.written.add(keyOf(p));
    }
    for (const a of adds) this.add(a);
    for (const c of checks) this.checks.set(keyOf(c.ConditionCheck as Params), c);
    for (const u of updates) this.updates.set(keyOf(u.params), u);
    for (const k of claims) this.claimed.add(k);
    return true;
  }

  private add(role: AddRole) {
    const key = `${role.entity}#${role.accountId}#${role.key}`;
    const had = this.adds.get(key);
    if (!had) return void this.adds.set(key, { ...role, amounts: { ...role.amounts } });
    for (const [field, amount] of Object.entries(role.amounts)) had.amounts[field] = (had.amounts[field] ?? 0) + amount;
  }

  /** Sends the new items (BatchWriteItem, what is left unprocessed again after a wait) and the single updates. */
  async flush(): Promise<void> {
    // A stamp on an item this bulk put is not needed (and its record is new anyway).
    const updates = [...this.updates.values()].filter((u) => !(u.stamp && this.written.has(keyOf(u.params)))).map((u) => u.params);
    this.updates.clear();
    type Request = { PutRequest: { Item: Record<string, unknown> } };
    const batches: { table: string; requests: Request[] }[] = [];
    const byTable = new Map<string, Request[]>();
    for (const p of this.puts.values()) {
      if (!byTable.has(p.TableName)) byTable.set(p.TableName, []);
      byTable.get(p.TableName)!.push({ PutRequest: { Item: p.Item } });
    }
    this.puts.clear();
    for (const [table, requests] of byTable)
      for (let i = 0; i < requests.length; i += BATCH_ITEMS) batches.push({ table, requests: requests.slice(i, i + BATCH_ITEMS) });
    await inParallel(batches, IN_FLIGHT, async ({ table, requests }) => {
      let pending = requests;
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt) await sleep(backoffMs(attempt + 3));
        const out = await dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as Request[];
      }
    });
    await inParallel(updates, IN_FLIGHT, (u) => dynamo.send(new UpdateCommand(u as never)));
  }

  /** The counters, summed, and the checks: what goes in the checkpoint's transaction. */
  transactItems(): TransactItem[] {
    return [...[...this.adds.values()].map((a) => addTo(a.entity, a.accountId, a.key, a.amounts).item), ...this.checks.values()];
  }

  /** Clears the counters and checks (after the checkpoint); what was put stays known. */
  committed() {
    this.adds.clear();
    this.checks.clear();
  }
}
