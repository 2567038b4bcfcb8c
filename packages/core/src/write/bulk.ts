// Bulk writes, for the import worker: the writes of many records' commits (held by `holding`,
// write.ts) sent the cheap way. A new item whose id the writer fixed (ids.ts `atFixedMoment`)
// needs no transaction: BatchWriteItem puts it, and a rerun after a crash puts the very same item
// again. Counters are summed and added once, in the transaction that moves the writer's
// checkpoint, so that they move with it. A write of anything else (a stored record's change) is
// not bulk: `take` refuses the record, and the writer commits it as usual.
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../db.ts';
import { inParallel } from '../in-parallel.ts';
import { backoffMs, itemKey, sleep, type TransactItem, type Write } from './write.ts';

/** DynamoDB's limit of items in one BatchWriteItem. */
const BATCH_ITEMS = 25;
/** BatchWriteItem requests in flight at once. */
const IN_FLIGHT = 8;

type Params = { TableName?: string; Key?: Record<string, unknown>; Item?: Record<string, unknown> } & Record<string, unknown>;
type UpdateParams = Params & {
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

const keyOf = (p: Params) => itemKey(p)!;

/** A put of a new item (its key is fresh: the condition only guards against a clash of ids). */
const NEW_ITEM = /^attribute_not_exists\(#pk\) AND attribute_not_exists\(#sk\)$/;
/** An Idempotency-Key record: the writer's keys are its own (job and row), so a rerun may put it again. */
const IDEMPOTENCY_RECORD = /^attribute_not_exists\(#key\) OR #expiresAt < :expiresAt0$/;
/** What ElectroDB sets beside a counter's or claim's ADD: its key's parts, all the same on every write. */
const IDENTITY = new Set(['accountId', 'key', 'kind', 'value', '__edb_e__', '__edb_v__']);

/** `SET #a = :a, #b = :b ADD #c :c` as attribute -> value name, per clause. */
function clauses(u: UpdateParams) {
  const out: Record<string, Map<string, string>> = {};
  const names = u.ExpressionAttributeNames ?? {};
  for (const m of (u.UpdateExpression ?? '').matchAll(/(SET|ADD|REMOVE|DELETE)\s+(.*?)(?=\s+(?:SET|ADD|REMOVE|DELETE)\s|$)/g)) {
    const pairs = new Map<string, string>();
    for (const part of m[2]!.split(/,\s*/)) {
      const [name, value] = part.split(/\s*=\s*|\s+/);
      pairs.set(names[name!] ?? name!, value ?? '');
    }
    out[m[1]!] = pairs;
  }
  return out;
}

/** A stamp's change (derived/links.ts): a stored record is marked as newly linked. */
const isTouch = (u: UpdateParams, c: ReturnType<typeof clauses>) =>
  Object.keys(c).join() === 'SET' && c.SET!.has('stamp') && u.ConditionExpression?.startsWith('attribute_exists(');

/** A counter: numbers added, nothing else set, no condition. */
const isCounter = (u: UpdateParams, c: ReturnType<typeof clauses>) =>
  !u.ConditionExpression &&
  Object.keys(c).every((k) => k === 'SET' || k === 'ADD') &&
  [...(c.SET?.keys() ?? [])].every((n) => IDENTITY.has(n)) &&
  [...(c.ADD?.values() ?? [])].every((v) => typeof u.ExpressionAttributeValues?.[v] === 'number');

/** A claim of a phone or an e-mail (services/contacts.ts): a contact id added to a set of holders. */
const isClaim = (u: UpdateParams, c: ReturnType<typeof clauses>) =>
  String(u.Key?.sk).startsWith('$contactclaim') && Object.keys(c).every((k) => k === 'SET' || k === 'ADD') && c.ADD?.has('holders');

export class Bulk {
  /** New items, by key, still to be sent. */
  private puts = new Map<string, { TableName: string; Item: Record<string, unknown> }>();
  /** Keys of every item this bulk put: a stamp on one of them is not needed. */
  private written = new Set<string>();
  private counters = new Map<string, UpdateParams>();
  private checks = new Map<string, TransactItem>();
  /** Stamps of stored records, and claims that add a holder beside others: single updates, each safe to repeat. */
  private updates = new Map<string, UpdateParams>();
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
    const counters: UpdateParams[] = [];
    const checks: TransactItem[] = [];
    const updates: UpdateParams[] = [];
    const claims: string[] = [];
    for (const { item } of writes) {
      if (item.Put) {
        const p = item.Put as Params & { ConditionExpression?: string };
        const cond = p.ConditionExpression;
        if (cond && !NEW_ITEM.test(cond) && !IDEMPOTENCY_RECORD.test(cond)) return false;
        puts.push({ TableName: p.TableName!, Item: p.Item! });
      } else if (item.ConditionCheck) {
        checks.push(item);
      } else if (item.Update) {
        const u = item.Update as UpdateParams;
        const c = clauses(u);
        if (isClaim(u, c)) {
          const key = keyOf(u);
          if (this.claimed.has(key) || this.claimedBefore.has(key) || claims.includes(key)) return false;
          if (u.ConditionExpression === 'attribute_not_exists(#holders)') {
            // Nobody held it when the row was checked: the claim is a new item.
            const Item: Record<string, unknown> = { ...u.Key };
            for (const [name, value] of [...c.SET!, ...c.ADD!]) Item[name] = u.ExpressionAttributeValues![value];
            puts.push({ TableName: u.TableName!, Item });
          } else if (!u.ConditionExpression) updates.push(u);
          else return false;
          claims.push(key);
        } else if (isCounter(u, c)) counters.push(u);
        else if (isTouch(u, c)) updates.push(u);
        else return false;
      } else return false;
    }
    for (const p of puts) {
      this.puts.set(keyOf(p), p);
      this.written.add(keyOf(p));
    }
    for (const u of counters) this.addCounter(u);
    for (const c of checks) this.checks.set(keyOf(c.ConditionCheck as Params), c);
    for (const u of updates) this.updates.set(keyOf(u), u);
    for (const k of claims) this.claimed.add(k);
    return true;
  }

  private addCounter(u: UpdateParams) {
    const key = keyOf(u);
    const had = this.counters.get(key);
    if (!had) return void this.counters.set(key, structuredClone(u));
    const mine = clauses(had).ADD!;
    for (const [name, value] of clauses(u).ADD!) {
      const into = mine.get(name);
      if (!into) throw new Error(`Counter ${key} is added to in two shapes`);
      (had.ExpressionAttributeValues![into] as number) += u.ExpressionAttributeValues![value] as number;
    }
  }

  /** Sends the new items (BatchWriteItem, what is left unprocessed again after a wait) and the single updates. */
  async flush(): Promise<void> {
    const updates = [...this.updates.values()].filter((u) => !(isTouch(u, clauses(u)) && this.written.has(keyOf(u))));
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
    return [...[...this.counters.values()].map((u) => ({ Update: u as never })), ...this.checks.values()];
  }

  /** Clears the counters and checks (after the checkpoint); what was put stays known. */
  committed() {
    this.counters.clear();
    this.checks.clear();
  }
}
