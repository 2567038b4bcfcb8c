// Many leads at once, for the analytics bench and the command-counting test: the lead items
// and the report counters the services would have written for them, put with BatchWriteItem
// (25 items a request) instead of one transaction per lead. The counters are the sum of each
// lead's contribution (the same function the lead transaction uses), so the reports read
// exactly what they would after creating the leads one by one.
import type { Pipeline } from '@crm/contract';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, dynamo, leadContribution, markStageEntry, type Tally } from '@crm/core';

export interface LeadSeed {
  accountId: string;
  pipeline: Pipeline;
  userIds: string[];
  count: number;
  /** The days (YYYY-MM-DD, UTC) the leads are spread over. */
  days: string[];
  /**
   * false: lead items with their table key only, not the seven index keys (DynamoDB Local
   * keeps indexes slowly; the bench needs a big partition, and the reports read no index).
   */
  indexed?: boolean;
}

/**
 * Lead i goes to day i mod days, stage i mod stages, user i mod users: past a few hundred
 * leads every (day, stage, user) holds some, so more leads add no counter item.
 */
export async function seedLeads({ accountId, pipeline, userIds, count, days, indexed = true }: LeadSeed) {
  const tallies = new Map<string, Tally>();
  const leads = Array.from({ length: count }, (_, i) => {
    const stage = pipeline.stages[i % pipeline.stages.length];
    const at = `${days[i % days.length]}T10:00:00.000Z`;
    const price = 100 + (i % 10) * 50;
    const lead = {
      accountId,
      leadId: `01SEED${String(i).padStart(20, '0')}`,
      name: `Seed lead ${i}`,
      nameFolded: `seed lead ${i}`,
      price,
      priceKey: String(price).padStart(16, '0'),
      pipelineId: pipeline.id,
      stageId: stage.id,
      status: stage.type,
      ...(stage.type !== 'open' && { closedAt: at }),
      responsibleUserId: userIds[i % userIds.length],
      contactIds: [],
      tags: [],
      customFields: {},
      createdAt: at,
      updatedAt: at,
      createdBy: userIds[0],
      version: 1,
    } as Parameters<typeof leadContribution>[0];
    markStageEntry(null, lead, pipeline, at);
    for (const [key, t] of leadContribution(lead, 'UTC')) {
      const sum = tallies.get(key) ?? {};
      for (const [f, v] of Object.entries(t) as [keyof Tally, number][]) sum[f] = (sum[f] ?? 0) + v;
      tallies.set(key, sum);
    }
    return lead;
  });
  if (indexed) await db.lead.put(leads).go({ concurrency: 8 });
  else await putUnindexed(leads.map((l) => db.lead.put(l).params() as { Item: Record<string, unknown>; TableName: string }));
  await db.tally.put([...tallies].map(([key, t]) => ({ accountId, key, ...t }))).go({ concurrency: 8 });
}

export async function putUnindexed(puts: { Item: Record<string, unknown>; TableName: string }[]) {
  const table = puts[0]?.TableName;
  const bare = puts.map(({ Item }) => Object.fromEntries(Object.entries(Item).filter(([k]) => !/^gsi\d+(pk|sk)$/.test(k))));
  const batches = Array.from({ length: Math.ceil(bare.length / 25) }, (_, i) => bare.slice(i * 25, i * 25 + 25));
  const write = async (batch: Record<string, unknown>[]) => {
    let requests: unknown[] = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const out = await dynamo.send(new BatchWriteCommand({ RequestItems: { [table]: requests } } as never));
      requests = Object.values(out.UnprocessedItems ?? {})[0] ?? [];
    }
  };
  for (let i = 0; i < batches.length; i += 16) await Promise.all(batches.slice(i, i + 16).map(write));
}
