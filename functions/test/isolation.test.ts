// Tenant isolation: for every route of the table, another account's token on this
// account's ids gets 404, and no list shows this account's items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';
import { buildWorld, fillPath, isPublic, namesOnlyCode, routeKeyOf, routes, SAMPLE_BODIES, type World } from './support/world.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let owner: TestAccount;
let intruder: TestAccount;
let world: World;

beforeAll(async () => {
  api = await startTestApi();
  [owner, intruder] = await Promise.all([signupAndLogin(api.apiUrl), signupAndLogin(api.apiUrl)]);
  world = await buildWorld(owner);
  const pipeline = (await owner.request('GET', `/api/v1/pipelines/${world.pipelines}`)).body;
  world['{stageId}'] = pipeline.stages[0].id;
});
afterAll(() => api.close());

const privateRoutes = routes.filter((r) => !isPublic(r));
// A widget's name is the same for every account: another account's PUT sets its own settings.
const withIds = privateRoutes.filter((r) => r.path.includes('{') && !namesOnlyCode(r));
const lists = privateRoutes.filter((r) => r.method === 'GET' && !r.path.includes('{'));

describe('Tenant isolation', () => {
  it.each(withIds.map((r) => [routeKeyOf(r), r] as const))('%s with a foreign id is 404', async (_key, route) => {
    const body = SAMPLE_BODIES[routeKeyOf(route)]?.(world) ?? (route.method === 'POST' ? {} : undefined);
    const res = await intruder.request(route.method, fillPath(route, world), body);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // and the owner still sees it as it was
    if (route.method === 'GET') expect((await owner.request('GET', fillPath(route, world))).status).toBe(200);
  });

  it.each(lists.map((r) => [routeKeyOf(r), r] as const))('%s never lists foreign items', async (_key, route) => {
    const res = await intruder.request('GET', route.path);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    const text = JSON.stringify(res.body ?? '');
    for (const id of Object.values(world)) expect(text).not.toContain(id);
  });

  it('ignores foreign ids in list filters', async () => {
    const res = await intruder.request('GET', `/api/v1/leads?pipelineId=${world.pipelines}&stageId=${world['{stageId}']}`);
    expect(res.body.items).toEqual([]);
  });

  it('rejects a cursor of another account', async () => {
    for (let i = 0; i < 3; i++) await owner.request('POST', '/api/v1/leads', { name: `Paged ${i}` });
    const page = await owner.request('GET', '/api/v1/leads?limit=1');
    expect(page.body.nextCursor).toBeTruthy();
    const res = await intruder.request('GET', `/api/v1/leads?limit=1&cursor=${page.body.nextCursor}`);
    expect(res.status).toBe(400);
  });
});
