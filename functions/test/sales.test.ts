// Pipelines and leads through HTTP: placement, moves, won/lost, filters, sorts and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead, Pipeline } from '@crm/contract';
import type { QueryOf } from '@crm/contract/client';
import { startTestApi } from '@crm/local/testing';
import { crmAccount, type CrmUser } from './support/api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let acme: CrmUser;
let pipeline: Pipeline;

beforeAll(async () => {
  api = await startTestApi();
  acme = await crmAccount(api.apiUrl, 'Acme');
  pipeline = (await acme.client.pipelines.list()).items[0];
});
afterAll(() => api.close());

const stage = (type: string, n = 0) => pipeline.stages.filter((s) => s.type === type)[n];

/** Follows nextCursor to the end; returns every lead seen. */
async function walk(account: CrmUser, query: QueryOf<'leads.list'> = {}) {
  const seen: Lead[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Lead[]; nextCursor: string | null } = await account.client.leads.list({ ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('Resource: pipelines', () => {
  it('gives a new account a default pipeline ending in won and lost', () => {
    expect(pipeline.stages.length).toBeGreaterThanOrEqual(3);
    expect(pipeline.stages.at(-2)?.type).toBe('won');
    expect(pipeline.stages.at(-1)?.type).toBe('lost');
  });

  it('adds won and lost to a new pipeline and keeps them last when stages are added', async () => {
    const created = await acme.answer.pipelines.create({ name: 'Partners', stages: [{ name: 'Lead', color: '#112233' }] });
    if (!created.ok) throw new Error(created.problem.detail);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/pipelines/${created.body.id}`);
    expect(created.body.stages.map((s) => s.type)).toEqual(['open', 'won', 'lost']);
    const added = await acme.answer.pipelines.stages.add({ id: created.body.id }, { name: 'Meeting', color: '#445566' });
    if (!added.ok) throw new Error(added.problem.detail);
    expect(added.status).toBe(201);
    expect(added.body.stages.map((s) => s.name)).toEqual(['Lead', 'Meeting', 'Won', 'Lost']);
    expect(added.body.version).toBe(2);
  });

  it('refuses to delete a stage while leads are in it (409), allows it once empty', async () => {
    const p = await acme.client.pipelines.create({ name: 'Temp', stages: [{ name: 'A' }, { name: 'B' }] });
    const [a, b] = p.stages;
    const lead = await acme.client.leads.create({ name: 'Blocker', pipelineId: p.id, stageId: a.id });
    expect((await acme.answer.pipelines.stages.delete({ id: p.id, stageId: a.id })).status).toBe(409);
    expect((await acme.answer.leads.patch({ id: lead.id }, { stageId: b.id })).status).toBe(200);
    expect((await acme.answer.pipelines.stages.delete({ id: p.id, stageId: a.id })).status).toBe(204);
    const after = await acme.client.pipelines.get({ id: p.id });
    expect(after.stages.map((s) => s.id)).not.toContain(a.id);
  });
});

describe('Board totals', () => {
  it('keeps count and sum per stage through creates, moves, price changes and deletes', async () => {
    const p = await acme.client.pipelines.create({ name: 'Totals', stages: [{ name: 'A' }, { name: 'B' }] });
    const [a, b] = p.stages;
    const totals = async () =>
      Object.fromEntries((await acme.client.pipelines.totals({ id: p.id })).stages.map((s) => [s.stageId, [s.count, s.amount]]));
    const x = await acme.client.leads.create({ name: 'X', price: 100, pipelineId: p.id });
    const y = await acme.client.leads.create({ name: 'Y', price: 50, pipelineId: p.id });
    expect((await totals())[a.id]).toEqual([2, 150]);
    await acme.client.leads.patch({ id: x.id }, { stageId: b.id, price: 120 });
    expect(await totals()).toMatchObject({ [a.id]: [1, 50], [b.id]: [1, 120] });
    await acme.client.leads.delete({ id: y.id });
    expect((await totals())[a.id]).toEqual([0, 0]);
  });
});

describe('Resource: leads', () => {
  it('creates a lead from a name alone: default pipeline, first stage, the caller responsible', async () => {
    const res = await acme.answer.leads.create({ name: 'Website redesign' });
    if (!res.ok) throw new Error(res.problem.detail);
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/v1/leads/${res.body.id}`);
    expect(res.body).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage('open').id,
      status: 'open',
      responsibleUserId: acme.userId,
      price: 0,
      version: 1,
      createdBy: acme.userId,
      closedAt: null,
    });
  });

  it('moves through stages, wins with closedAt, loses with a reason, reopens', async () => {
    const lead = await acme.client.leads.create({ name: 'Fleet deal', price: 5000 });
    const moved = await acme.client.leads.patch({ id: lead.id }, { stageId: stage('open', 1).id });
    expect(moved).toMatchObject({ stageId: stage('open', 1).id, status: 'open', version: 2 });
    const won = await acme.client.leads.patch({ id: lead.id }, { stageId: stage('won').id });
    expect(won.status).toBe('won');
    expect(Date.parse(won.closedAt!)).toBeGreaterThan(0);
    const lost = await acme.client.leads.patch({ id: lead.id }, { stageId: stage('lost').id, lossReason: 'Too expensive' });
    expect(lost).toMatchObject({ status: 'lost', lossReason: 'Too expensive' });
    const reopened = await acme.client.leads.patch({ id: lead.id }, { stageId: stage('open').id });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, lossReason: null, version: 5 });
    const types = (await acme.client.events.list({ entityType: 'lead', entityId: lead.id, limit: 50 })).items.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['lead.created', 'lead.stage_changed', 'lead.won', 'lead.lost']));
  });

  it('answers 409 for a stage of another pipeline unless that pipeline is named', async () => {
    const other = await acme.client.pipelines.create({ name: 'Other', stages: [{ name: 'X' }] });
    const lead = await acme.client.leads.create({ name: 'Mover' });
    const wrong = await acme.answer.leads.patch({ id: lead.id }, { stageId: other.stages[0].id });
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect((await acme.client.leads.get({ id: lead.id })).version).toBe(1);
    const right = await acme.client.leads.patch({ id: lead.id }, { pipelineId: other.id, stageId: other.stages[0].id });
    expect(right).toMatchObject({ pipelineId: other.id, stageId: other.stages[0].id });
  });

  it('keeps absent fields on PATCH and clears optional ones with null', async () => {
    const lead = await acme.client.leads.create({ name: 'Partial', price: 10, source: 'web', tags: ['a'] });
    const res = await acme.client.leads.patch({ id: lead.id }, { source: null });
    expect(res).toMatchObject({ name: 'Partial', price: 10, source: null, tags: ['a'] });
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const lead = await acme.client.leads.create({ name: 'Versioned' });
    expect((await acme.answer.leads.patch({ id: lead.id }, { price: 1 }, { ifMatch: 1 })).status).toBe(200);
    const stale = await acme.answer.leads.patch({ id: lead.id }, { price: 2 }, { ifMatch: 1 });
    expect(stale.status).toBe(412);
    expect(await acme.client.leads.get({ id: lead.id })).toMatchObject({ price: 1, version: 2 });
  });

  it('replays an Idempotency-Key with the first answer and rejects it with another body', async () => {
    const idempotencyKey = `k-${Date.now()}`;
    const first = await acme.client.leads.create({ name: 'Once' }, { idempotencyKey });
    const again = await acme.answer.leads.create({ name: 'Once' }, { idempotencyKey });
    expect(again).toMatchObject({ status: 201, body: first });
    expect((await acme.answer.leads.create({ name: 'Twice' }, { idempotencyKey })).status).toBe(422);
    const all = await walk(acme, { q: 'once', limit: 250 });
    expect(all.filter((l) => l.id === first.id)).toHaveLength(1);
    expect(all).toHaveLength(1);
  });

  it('filters and sorts, and walking the cursors returns every lead exactly once', async () => {
    const zeta = await crmAccount(api.apiUrl, 'Zeta');
    const zp = (await zeta.client.pipelines.list()).items[0];
    const prices = [300, 100, 700, 500, 200, 600, 400];
    const made: Lead[] = [];
    for (const [i, price] of prices.entries()) {
      const body = { name: `Deal ${i}`, price, tags: i % 2 ? ['odd'] : ['even'], stageId: zp.stages[i % 2].id };
      made.push(await zeta.client.leads.create(body));
    }
    const walked = await walk(zeta, { limit: 2 });
    expect(walked.map((l) => l.id).sort()).toEqual(made.map((l) => l.id).sort());
    expect(walked.map((l) => l.id)).toEqual([...made].reverse().map((l) => l.id));

    const byPrice = await walk(zeta, { sort: 'price', limit: 3 });
    expect(byPrice.map((l) => l.price)).toEqual([...prices].sort((a, b) => a - b));
    const byPriceDesc = await walk(zeta, { sort: '-price', limit: 3 });
    expect(byPriceDesc.map((l) => l.price)).toEqual([...prices].sort((a, b) => b - a));

    const inStage = await walk(zeta, { stageId: zp.stages[1].id, limit: 2 });
    expect(inStage).toHaveLength(3);
    const odd = await walk(zeta, { tag: 'odd', limit: 2 });
    expect(odd).toHaveLength(3);
    const oddInStage0 = await walk(zeta, { tag: 'odd', stageId: zp.stages[0].id });
    expect(oddInStage0).toHaveLength(0);
    expect(await walk(zeta, { responsibleUserId: zeta.userId, limit: 4 })).toHaveLength(7);
    expect(await walk(zeta, { pipelineId: zp.id, status: 'open' })).toHaveLength(7);
    expect(await walk(zeta, { q: 'DEAL 3' })).toHaveLength(1);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await walk(zeta, { createdFrom: future })).toHaveLength(0);
    expect(await walk(zeta, { createdTo: future, limit: 5 })).toHaveLength(7);
    const updated = await walk(zeta, { sort: '-updatedAt' });
    expect(updated[0].id).toBe(made.at(-1)!.id);
  });
});

describe('Conventions', () => {
  it('rejects unknown query parameters, non-JSON bodies, big bodies and bad JSON', async () => {
    expect((await acme.request('GET', '/api/v1/leads?colour=red')).status).toBe(400);
    expect((await acme.request('GET', '/api/v1/leads?__proto__=x')).status).toBe(400);
    expect((await acme.request('POST', '/api/v1/leads', '{"name":"x","__proto__":{"admin":true}}')).status).toBe(400);
    const text = await acme.request('POST', '/api/v1/leads', 'name=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const big = await acme.request('POST', '/api/v1/leads', { name: 'x', source: 'y'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    const bad = await acme.request('POST', '/api/v1/leads', '{"name":', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
  });

  it('answers field errors with paths', async () => {
    const res = await acme.request('POST', '/api/v1/leads', { name: '', price: -1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'price']);
  });

  it('answers 401 without a token or with a forged one', async () => {
    const none = await fetch(`${api.apiUrl}/api/v1/leads`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const forged = await acme.request('GET', '/api/v1/leads', undefined, { authorization: `Bearer ${acme.token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
  });

  it('serves the OpenAPI document with every route of the table', async () => {
    const { routes } = await import('@crm/functions/routes');
    const doc = (await fetch(`${api.apiUrl}/api/v1/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const r of routes) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
  });
});
