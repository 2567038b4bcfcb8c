// One of every entity in an account, made through the API, and the ids that fill every
// route's path: the cross-cutting tests (isolation, fuzz, command counts) walk the whole
// route table with it, so a new route without a sample here fails them loudly.
import { routes, type Route } from '@crm/functions/routes';
import type { TestAccount } from '@crm/local/testing';

/** A valid body for every POST/PATCH route, keyed by route key. Ids come from the world. */
export const SAMPLE_BODIES: Record<string, (w: World) => unknown> = {
  'POST /api/v1/users': () => ({ email: `u-${Math.random().toString(36).slice(2)}@example.com`, name: 'Sam', role: 'manager', password: 'Test-password-1' }),
  'PATCH /api/v1/users/{id}': () => ({ name: 'Sam Renamed' }),
  'POST /api/v1/pipelines': () => ({ name: 'Fixture pipeline', stages: [{ name: 'First', color: '#123456' }, { name: 'Second' }] }),
  'PATCH /api/v1/pipelines/{id}': () => ({ name: 'Renamed pipeline' }),
  'POST /api/v1/pipelines/{id}/stages': () => ({ name: 'Added stage' }),
  'PATCH /api/v1/pipelines/{id}/stages/{stageId}': () => ({ color: '#654321' }),
  'POST /api/v1/leads': () => ({ name: 'Fixture lead', price: 100, tags: ['fixture'] }),
  'PATCH /api/v1/leads/{id}': () => ({ price: 150 }),
  'POST /api/v1/custom-fields': () => ({ entityType: 'leads', name: `Field ${Math.random().toString(36).slice(2)}`, type: 'select', options: ['A', 'B'] }),
  'PATCH /api/v1/custom-fields/{id}': () => ({ options: ['A', 'B', 'C'] }),
};

/** The query string a GET route needs to answer 200 (its required parameters), keyed by route key. */
export const SAMPLE_QUERIES: Record<string, string> = {
  'GET /api/v1/tags': 'entityType=leads',
  'GET /api/v1/search': 'q=fixture',
};

export type World = Record<string, string>;

/** Creates the world in `account`: one entity per collection route that has a sample. */
export async function buildWorld(account: TestAccount): Promise<World> {
  const world: World = {};
  for (const route of routes) {
    if (route.method !== 'POST' || route.path.includes('{') || ('public' in route && route.public)) continue;
    const sample = SAMPLE_BODIES[`${route.method} ${route.path}`];
    if (!sample) throw new Error(`No sample body for ${route.method} ${route.path}: add one to functions/test/support/world.ts`);
    const res = await account.request('POST', route.path, sample(world));
    if (res.status !== 201) throw new Error(`${route.method} ${route.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    world[collectionOf(route.path)] = res.body.id;
    if (res.body.stages) world.stages = res.body.stages[0].id;
  }
  return world;
}

const collectionOf = (path: string) => path.split('/').filter((s) => s && !s.startsWith('{')).at(-1)!;

/** The route's path with the world's ids; the segment before a parameter names its collection. */
export function fillPath(route: Pick<Route, 'path'>, world: World): string {
  const parts = route.path.split('/');
  return parts
    .map((part, i) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return part;
      const value = world[`{${param}}`] ?? world[parts[i - 1]];
      if (!value) throw new Error(`No id in the world for ${param} of ${route.path}: extend functions/test/support/world.ts`);
      return encodeURIComponent(value);
    })
    .join('/');
}

export const isPublic = (route: Route) => 'public' in route && route.public === true;
export const routeKeyOf = (route: Route) => `${route.method} ${route.path}`;
export { routes };
