// Watches the DynamoDB commands a client sends: their names always, and during `measure` the
// capacity units they consume and the kinds of item they read. What the command-counting test
// (functions/test/dynamodb-commands.test.ts) and the analytics bench compare across sizes.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export function watchCommands(client: DynamoDBDocumentClient) {
  const sent: string[] = [];
  const measured = { capacityUnits: 0, entities: new Set<string>(), on: false };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      if (!measured.on) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const out = result.output as {
        ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
        Items?: Record<string, unknown>[];
        Item?: Record<string, unknown>;
        Responses?: Record<string, Record<string, unknown>[]>;
      };
      // A BatchGetItem answers a list of capacities (one per table) and its items per table.
      for (const c of [out.ConsumedCapacity ?? []].flat()) measured.capacityUnits += c.CapacityUnits ?? 0;
      const items = [...(out.Items ?? []), ...(out.Item ? [out.Item] : []), ...Object.values(out.Responses ?? {}).flat()];
      for (const item of items) measured.entities.add(String(item.__edb_e__));
      return result;
    },
    { step: 'initialize', name: 'watchCommands' },
  );

  /** Runs `call` alone and measured: the commands it sent (sorted), their capacity units, the kinds of item read. */
  async function measure<T>(call: () => Promise<T>) {
    sent.length = 0;
    Object.assign(measured, { capacityUnits: 0, entities: new Set<string>(), on: true });
    let answer: T;
    try {
      answer = await call();
    } finally {
      measured.on = false;
    }
    return { answer, commands: [...sent].sort(), capacityUnits: measured.capacityUnits, entities: [...measured.entities].sort() };
  }

  return { sent, measure };
}
