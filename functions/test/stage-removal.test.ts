// Removing a stage that holds leads (issue 10, editors): the request only marks the stage, the
// stage-removal consumer moves its leads a batch at a time through each lead's own write (events
// and the board's counters follow), also when delivered twice, and then the stage goes.
import { describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi } from './support/api.ts';

const api = useApi();

/** The consumer as the bus runs it, with the pipeline's latest `pipeline.updated` from the event log. */
async function deliver(account: TestAccount, pipelineId: string, times = 1) {
  const { handler } = await import('../consumers/stage-removal.ts');
  const log = await account.request('GET', `/api/v1/events?entityType=pipeline&entityId=${pipelineId}&type=pipeline.updated`);
  const event = log.body.items[0];
  expect(event?.type).toBe('pipeline.updated');
  await Promise.all(Array.from({ length: times }, () => handler({ detail: event })));
}

async function newPipeline(account: TestAccount) {
  const p = await created(account, '/api/v1/pipelines', {
    name: 'Removals',
    stages: [
      { name: 'First', color: '#112233' },
      { name: 'Second', color: '#445566' },
      { name: 'Third', color: '#778899' },
    ],
  });
  return { id: p.id as string, stages: (p.stages as Array<{ id: string; type: string }>).map((s) => s.id) };
}

describe('Removing a stage with its leads', () => {
  it('moves 60 leads to the chosen stage in the background, once each even when delivered twice, keeps the totals, then deletes the stage', async () => {
    const account = await api.account();
    const p = await newPipeline(account);
    const [from, to] = p.stages;
    const leadIds: string[] = [];
    for (let i = 0; i < 60; i++)
      leadIds.push((await created(account, '/api/v1/leads', { name: `Deal ${i}`, price: 10, pipelineId: p.id, stageId: from })).id);
    await created(account, '/api/v1/leads', { name: 'Already there', price: 5, pipelineId: p.id, stageId: to });

    // A plain delete still refuses while leads are in it (the contract's 409).
    expect((await account.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${from}`)).status).toBe(409);

    const marked = await account.request('POST', `/api/v1/pipelines/${p.id}/stages/${from}/remove`, { moveToStageId: to });
    expect(marked.status, JSON.stringify(marked.body)).toBe(202);
    expect(marked.body.stages.find((s: { id: string }) => s.id === from).movingTo).toBe(to);
    // No lead may arrive meanwhile, and the stage cannot be removed twice.
    expect((await account.request('POST', '/api/v1/leads', { name: 'Late', pipelineId: p.id, stageId: from })).status).toBe(409);
    expect((await account.request('POST', `/api/v1/pipelines/${p.id}/stages/${from}/remove`, { moveToStageId: to })).status).toBe(409);

    await deliver(account, p.id, 2);

    const pipeline = (await account.request('GET', `/api/v1/pipelines/${p.id}`)).body;
    expect(pipeline.stages.map((s: { id: string }) => s.id)).not.toContain(from);
    const leads = await Promise.all(leadIds.map(async (id) => (await account.request('GET', `/api/v1/leads/${id}`)).body));
    expect(leads.filter((l) => l.stageId === to)).toHaveLength(60);
    // Each lead moved in exactly one change of its own, however many deliveries raced.
    const history = (await account.request('GET', `/api/v1/events?entityType=lead&entityId=${leadIds[59]}&type=lead.stage_changed`)).body
      .items;
    expect(history).toHaveLength(1);
    expect(history[0].actor.type).toBe('system');
    const totals = (await account.request('GET', `/api/v1/pipelines/${p.id}/totals`)).body.stages;
    expect(totals.find((s: { stageId: string }) => s.stageId === to)).toMatchObject({ count: 61, amount: 605 });
    expect(totals.find((s: { stageId: string }) => s.stageId === from)).toBeUndefined();
  }, 90_000); // 61 creates and two racing deliveries: about 12 s alone, more on a busy 2-core machine

  it('refuses a target outside the pipeline, the stage itself, won or lost as the removed stage, and bad input, changing nothing', async () => {
    const account = await api.account();
    const p = await newPipeline(account);
    const other = await newPipeline(account);
    const [from] = p.stages;
    const won = p.stages.at(-2)!;
    const before = (await account.request('GET', `/api/v1/pipelines/${p.id}`)).body;
    const remove = (stageId: string, body: unknown) => account.request('POST', `/api/v1/pipelines/${p.id}/stages/${stageId}/remove`, body);

    expect((await remove(from, { moveToStageId: other.stages[0] })).status).toBe(409);
    expect((await remove(from, { moveToStageId: from })).status).toBe(409);
    expect((await remove(won, { moveToStageId: from })).status).toBe(409);
    expect((await remove(from, {})).status).toBe(400);
    expect((await remove(from, { moveToStageId: p.stages[1], extra: 1 })).status).toBe(400);
    expect((await remove('nope', { moveToStageId: p.stages[1] })).status).toBe(404);
    const manager = await api.manager(account);
    expect((await manager.request('POST', `/api/v1/pipelines/${p.id}/stages/${from}/remove`, { moveToStageId: p.stages[1] })).status).toBe(
      403,
    );

    expect((await account.request('GET', `/api/v1/pipelines/${p.id}`)).body.version).toBe(before.version);
  });

  it('removes an empty stage as soon as the consumer runs, and a lead restored meanwhile lands in the target', async () => {
    const account = await api.account();
    const p = await newPipeline(account);
    const [from, , to] = p.stages;
    const lead = await created(account, '/api/v1/leads', { name: 'Trashed', pipelineId: p.id, stageId: from });
    expect((await account.request('DELETE', `/api/v1/leads/${lead.id}`)).status).toBe(204);
    expect((await account.request('POST', `/api/v1/pipelines/${p.id}/stages/${from}/remove`, { moveToStageId: to })).status).toBe(202);
    const restored = await account.request('POST', `/api/v1/trash/lead/${lead.id}/restore`);
    // The test run's own bus runs the consumer too: when it has already removed the empty stage,
    // the redirect is gone with it and the lead lands where any lead of a removed stage does.
    const stillThere = (await account.request('GET', `/api/v1/pipelines/${p.id}`)).body.stages.some((s: { id: string }) => s.id === from);
    if (stillThere || restored.body.stageId === to) expect(restored.body.stageId).toBe(to);
    else expect(restored.status).toBe(200);
    await deliver(account, p.id);
    const pipeline = (await account.request('GET', `/api/v1/pipelines/${p.id}`)).body;
    expect(pipeline.stages.map((s: { id: string }) => s.id)).not.toContain(from);
  });
});
