// The stage counter is sharded by lead id (derived/counters.ts): the board's totals sum every
// shard, and a stage's or a pipeline's delete is refused while any shard still counts a lead.
import { describe, expect, it } from 'vitest';
import { STAGE_COUNTER_SHARDS, shardOf } from '../../packages/core/src/derived/counters.ts';
import { PIPELINE_DELETE_STAGES } from '../../packages/core/src/services/pipelines.ts';
import { created, useApi } from './support/api.ts';

const api = useApi();

describe('Sharded stage counters', () => {
  it('sum every shard in the totals, and keep a stage from being deleted until its last shard is empty', async () => {
    const account = await api.account();
    const p = await created(account, '/api/v1/pipelines', {
      name: 'Shards',
      stages: [
        { name: 'Busy', color: '#112233' },
        { name: 'Other', color: '#445566' },
      ],
    });
    const [busy] = p.stages.map((s: { id: string }) => s.id);
    // Leads until every shard of the stage counts one (ids are random: bounded, not fixed).
    const byShard = new Map<number, string>();
    const ids: string[] = [];
    for (let i = 0; i < 60 && byShard.size < STAGE_COUNTER_SHARDS; i++) {
      const lead = await created(account, '/api/v1/leads', { name: `Deal ${i}`, price: 10, pipelineId: p.id, stageId: busy });
      ids.push(lead.id);
      byShard.set(shardOf(lead.id, STAGE_COUNTER_SHARDS), lead.id);
    }
    expect(byShard.size).toBe(STAGE_COUNTER_SHARDS);
    const totals = (await account.request('GET', `/api/v1/pipelines/${p.id}/totals`)).body;
    expect(totals.stages.find((s: { stageId: string }) => s.stageId === busy)).toEqual({
      stageId: busy,
      count: ids.length,
      amount: ids.length * 10,
    });

    // Emptied shard by shard: each delete of the stage is refused while any shard counts a lead.
    const lastOfShard = [...byShard.values()];
    for (const id of ids.filter((id) => !lastOfShard.includes(id)))
      expect((await account.request('DELETE', `/api/v1/leads/${id}`)).status).toBe(204);
    for (const id of lastOfShard) {
      expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${busy}`)).status).toBe(409);
      expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}`)).status).toBe(409);
      expect((await account.request('DELETE', `/api/v1/leads/${id}`)).status).toBe(204);
    }
    expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${busy}`)).status).toBe(204);
    expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}`)).status).toBe(204);
  });

  it('asks for stages to be deleted first when a pipeline has more than one transaction can check', async () => {
    const account = await api.account();
    const stages = Array.from({ length: PIPELINE_DELETE_STAGES - 1 }, (_, i) => ({ name: `S${i}`, color: '#112233' }));
    const p = await created(account, '/api/v1/pipelines', { name: 'Long', stages });
    expect(p.stages.length).toBe(PIPELINE_DELETE_STAGES + 1);
    const refused = await account.request('DELETE', `/api/v1/pipelines/${p.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/delete some of them first/);
    const open = p.stages.filter((s: { type: string }) => s.type === 'open');
    expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${open[0].id}`)).status).toBe(204);
    expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}`)).status).toBe(204);
  });
});
