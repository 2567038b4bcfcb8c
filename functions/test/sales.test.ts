// Pipelines and leads through HTTP: placement, moves, won/lost, filters, sorts and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

let api: Awaited<ReturnType<typeof startTestApi>>;
let acme: TestAccount;
let pipeline: { id: string; stages: Array<{ id: string; type: string; name: string }> };

beforeAll(async () => {
  api = await startTestApi();
  acme = await signupAndLogin(api.apiUrl, { company: 'Acme' });
  pipeline = (await acme.request('GET', '/api/v1/pipelines')).body.items[0];
});
afterAll(() => api.close());

const stage = (type: string, n = 0) => pipeline.stages.filter((s) => s.type === type)[n];

/** Follows nextCursor to the end; returns every item seen. */
async function walk(account: TestAccount, path: string) {
  const seen: Array<{ id: string }> = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await account.request('GET', `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    seen.push(...page.body.items);
    cursor = page.body.nextCursor;
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
    const created = await acme.request('POST', '/api/v1/pipelines', { name: 'Partners', stages: [{ name: 'Lead', color: '#112233' }] });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/pipelines/${created.body.id}`);
    expect(created.body.stages.map((s: { type: string }) => s.type)).toEqual(['open', 'won', 'lost']);
    const added = await acme.request('POST', `/api/v1/pipelines/${created.body.id}/stages`, { name: 'Meeting', color: '#445566' });
    expect(added.status).toBe(201);
    expect(added.body.stages.map((s: { name: string }) => s.name)).toEqual(['Lead', 'Meeting', 'Won', 'Lost']);
    expect(added.body.version).toBe(2);
  });

  it('refuses to delete a stage while leads are in it (409), allows it once empty', async () => {
    const p = (await acme.request('POST', '/api/v1/pipelines', { name: 'Temp', stages: [{ name: 'A' }, { name: 'B' }] })).body;
    const [a, b] = p.stages;
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Blocker', pipelineId: p.id, stageId: a.id })).body;
    expect((await acme.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${a.id}`)).status).toBe(409);
    expect((await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: b.id })).status).toBe(200);
    expect((await acme.request('DELETE', `/api/v1/pipelines/${p.id}/stages/${a.id}`)).status).toBe(204);
    const after = (await acme.request('GET', `/api/v1/pipelines/${p.id}`)).body;
    expect(after.stages.map((s: { id: string }) => s.id)).not.toContain(a.id);
  });
});

describe('Board totals', () => {
  it('keeps count and sum per stage through creates, moves, price changes and deletes', async () => {
    const p = (await acme.request('POST', '/api/v1/pipelines', { name: 'Totals', stages: [{ name: 'A' }, { name: 'B' }] })).body;
    const [a, b] = p.stages;
    const totals = async () => Object.fromEntries(
      (await acme.request('GET', `/api/v1/pipelines/${p.id}/totals`)).body.stages.map((s: { stageId: string; count: number; amount: number }) => [s.stageId, [s.count, s.amount]]),
    );
    const x = (await acme.request('POST', '/api/v1/leads', { name: 'X', price: 100, pipelineId: p.id })).body;
    const y = (await acme.request('POST', '/api/v1/leads', { name: 'Y', price: 50, pipelineId: p.id })).body;
    expect((await totals())[a.id]).toEqual([2, 150]);
    await acme.request('PATCH', `/api/v1/leads/${x.id}`, { stageId: b.id, price: 120 });
    expect(await totals()).toMatchObject({ [a.id]: [1, 50], [b.id]: [1, 120] });
    await acme.request('DELETE', `/api/v1/leads/${y.id}`);
    expect((await totals())[a.id]).toEqual([0, 0]);
  });
});

describe('Resource: leads', () => {
  it('creates a lead from a name alone: default pipeline, first stage, the caller responsible', async () => {
    const res = await acme.request('POST', '/api/v1/leads', { name: 'Website redesign' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/v1/leads/${res.body.id}`);
    expect(res.body).toMatchObject({
      pipelineId: pipeline.id, stageId: stage('open').id, status: 'open', responsibleUserId: acme.userId,
      price: 0, version: 1, createdBy: acme.userId, closedAt: null,
    });
  });

  it('moves through stages, wins with closedAt, loses with a reason, reopens', async () => {
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Fleet deal', price: 5000 })).body;
    const moved = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: stage('open', 1).id });
    expect(moved.body).toMatchObject({ stageId: stage('open', 1).id, status: 'open', version: 2 });
    const won = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: stage('won').id });
    expect(won.body.status).toBe('won');
    expect(Date.parse(won.body.closedAt)).toBeGreaterThan(0);
    const lost = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: stage('lost').id, lossReason: 'Too expensive' });
    expect(lost.body).toMatchObject({ status: 'lost', lossReason: 'Too expensive' });
    const reopened = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: stage('open').id });
    expect(reopened.body).toMatchObject({ status: 'open', closedAt: null, lossReason: null, version: 5 });
    const types = (await acme.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}&limit=50`)).body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['lead.created', 'lead.stage_changed', 'lead.won', 'lead.lost']));
  });

  it('answers 409 for a stage of another pipeline unless that pipeline is named', async () => {
    const other = (await acme.request('POST', '/api/v1/pipelines', { name: 'Other', stages: [{ name: 'X' }] })).body;
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Mover' })).body;
    const wrong = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: other.stages[0].id });
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect((await acme.request('GET', `/api/v1/leads/${lead.id}`)).body.version).toBe(1);
    const right = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { pipelineId: other.id, stageId: other.stages[0].id });
    expect(right.body).toMatchObject({ pipelineId: other.id, stageId: other.stages[0].id });
  });

  it('keeps absent fields on PATCH and clears optional ones with null', async () => {
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Partial', price: 10, source: 'web', tags: ['a'] })).body;
    const res = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { source: null });
    expect(res.body).toMatchObject({ name: 'Partial', price: 10, source: null, tags: ['a'] });
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Versioned' })).body;
    expect((await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 1 }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 2 }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await acme.request('GET', `/api/v1/leads/${lead.id}`)).body).toMatchObject({ price: 1, version: 2 });
  });

  it('replays an Idempotency-Key with the first answer and rejects it with another body', async () => {
    const key = { 'idempotency-key': `k-${Date.now()}` };
    const first = await acme.request('POST', '/api/v1/leads', { name: 'Once' }, key);
    const again = await acme.request('POST', '/api/v1/leads', { name: 'Once' }, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await acme.request('POST', '/api/v1/leads', { name: 'Twice' }, key)).status).toBe(422);
    const all = await walk(acme, '/api/v1/leads?q=once&limit=250');
    expect(all.filter((l) => l.id === first.body.id)).toHaveLength(1);
    expect(all).toHaveLength(1);
  });

  it('filters and sorts, and walking the cursors returns every lead exactly once', async () => {
    const zeta = await signupAndLogin(api.apiUrl, { company: 'Zeta' });
    const zp = (await zeta.request('GET', '/api/v1/pipelines')).body.items[0];
    const prices = [300, 100, 700, 500, 200, 600, 400];
    const made: Array<{ id: string; price: number }> = [];
    for (const [i, price] of prices.entries()) {
      const body = { name: `Deal ${i}`, price, tags: i % 2 ? ['odd'] : ['even'], stageId: zp.stages[i % 2].id };
      made.push((await zeta.request('POST', '/api/v1/leads', body)).body);
    }
    const walked = await walk(zeta, '/api/v1/leads?limit=2');
    expect(walked.map((l) => l.id).sort()).toEqual(made.map((l) => l.id).sort());
    expect(walked.map((l) => l.id)).toEqual([...made].reverse().map((l) => l.id));

    const byPrice = await walk(zeta, '/api/v1/leads?sort=price&limit=3');
    expect(byPrice.map((l) => (l as unknown as { price: number }).price)).toEqual([...prices].sort((a, b) => a - b));
    const byPriceDesc = await walk(zeta, '/api/v1/leads?sort=-price&limit=3');
    expect(byPriceDesc.map((l) => (l as unknown as { price: number }).price)).toEqual([...prices].sort((a, b) => b - a));

    const inStage = await walk(zeta, `/api/v1/leads?stageId=${zp.stages[1].id}&limit=2`);
    expect(inStage).toHaveLength(3);
    const odd = await walk(zeta, '/api/v1/leads?tag=odd&limit=2');
    expect(odd).toHaveLength(3);
    const oddInStage0 = await walk(zeta, `/api/v1/leads?tag=odd&stageId=${zp.stages[0].id}`);
    expect(oddInStage0).toHaveLength(0);
    expect(await walk(zeta, `/api/v1/leads?responsibleUserId=${zeta.userId}&limit=4`)).toHaveLength(7);
    expect(await walk(zeta, `/api/v1/leads?pipelineId=${zp.id}&status=open`)).toHaveLength(7);
    expect(await walk(zeta, '/api/v1/leads?q=DEAL%203')).toHaveLength(1);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(await walk(zeta, `/api/v1/leads?createdFrom=${future}`)).toHaveLength(0);
    expect(await walk(zeta, `/api/v1/leads?createdTo=${future}&limit=5`)).toHaveLength(7);
    const updated = await walk(zeta, '/api/v1/leads?sort=-updatedAt');
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
    const doc = (await fetch(`${api.apiUrl}/api/v1/openapi.json`).then((r) => r.json())) as { paths: Record<string, Record<string, unknown>> };
    for (const r of routes) expect(doc.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
  });
});
