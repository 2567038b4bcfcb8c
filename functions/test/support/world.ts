// One of every entity in an account, made through the API, and the ids that fill every
// route's path: the cross-cutting tests (isolation, fuzz, command counts) walk the whole
// route table with it, so a new route without a sample here fails them loudly.
import { loadOperations, type Operations } from '@crm/contract';
import { routes as table, type Route as TableRoute } from '@crm/functions/routes';
import { receiveIncoming } from '@crm/core';
import { signupAndLogin, startTestApi, type TestAccount, type TestApiOptions } from '@crm/local/testing';

const FIXTURE_SCOPES = { view: 'all', edit: 'own', delete: 'none', export: 'none' };
const FIXTURE_RIGHTS = { leads: FIXTURE_SCOPES, contacts: FIXTURE_SCOPES, companies: FIXTURE_SCOPES, tasks: FIXTURE_SCOPES };

/** A valid body for every POST/PATCH route, keyed by route key. Ids come from the world. */
export const SAMPLE_BODIES: Record<string, (w: World) => unknown> = {
  'POST /api/v1/users': () => ({
    email: `u-${Math.random().toString(36).slice(2)}@example.com`,
    name: 'Sam',
    role: 'manager',
    password: 'Test-password-1',
  }),
  'PATCH /api/v1/users/{id}': () => ({ name: 'Sam Renamed' }),
  'POST /api/v1/roles': () => ({ name: 'Fixture role', rights: FIXTURE_RIGHTS }),
  'PATCH /api/v1/roles/{id}': () => ({ name: 'Renamed role' }),
  'POST /api/v1/groups': () => ({ name: 'Fixture group' }),
  'PATCH /api/v1/groups/{id}': () => ({ name: 'Renamed group' }),
  'POST /api/v1/pipelines': () => ({ name: 'Fixture pipeline', stages: [{ name: 'First', color: '#123456' }, { name: 'Second' }] }),
  'PATCH /api/v1/pipelines/{id}': () => ({ name: 'Renamed pipeline' }),
  'POST /api/v1/pipelines/{id}/stages': () => ({ name: 'Added stage' }),
  'PATCH /api/v1/pipelines/{id}/stages/{stageId}': () => ({ color: '#654321' }),
  'POST /api/v1/leads': () => ({ name: 'Fixture lead', price: 100, tags: ['fixture'] }),
  'PATCH /api/v1/leads/{id}': () => ({ price: 150 }),
  // A fresh phone and e-mail each time: contacts are de-duplicated by them.
  'POST /api/v1/contacts': () => {
    const n = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    return { name: 'Fixture contact', phones: [{ value: `+7 900 ${n}` }], emails: [{ value: `c${n}@example.com` }], tags: ['fixture'] };
  },
  'PATCH /api/v1/contacts/{id}': () => ({ position: 'Buyer' }),
  'POST /api/v1/companies': () => ({ name: 'Fixture company', website: 'example.com', tags: ['fixture'] }),
  'PATCH /api/v1/companies/{id}': () => ({ address: 'Moscow' }),
  'POST /api/v1/custom-fields': () => ({
    entityType: 'leads',
    name: `Field ${Math.random().toString(36).slice(2)}`,
    type: 'select',
    options: ['A', 'B'],
  }),
  'PATCH /api/v1/custom-fields/{id}': () => ({ options: ['A', 'B', 'C'] }),
  'POST /api/v1/tasks': (w) => ({ text: 'Fixture task', dueAt: '2031-01-01T09:00:00.000Z', entity: { type: 'lead', id: w.leads } }),
  'PATCH /api/v1/tasks/{id}': () => ({ dueAt: '2031-01-02T09:00:00.000Z' }),
  'POST /api/v1/tasks/{id}/complete': () => ({ result: 'Done' }),
  'POST /api/v1/task-types': () => ({ name: 'Fixture type', color: '#123456' }),
  'PATCH /api/v1/task-types/{id}': () => ({ name: 'Renamed type' }),
  'POST /api/v1/leads/{id}/notes': () => ({ text: 'Fixture note', type: 'call_in' }),
  'POST /api/v1/contacts/{id}/notes': () => ({ text: 'Fixture note' }),
  'POST /api/v1/companies/{id}/notes': () => ({ text: 'Fixture note', type: 'email' }),
  'PATCH /api/v1/settings': () => ({ timezone: 'Europe/Moscow' }),
  // A sign-in report has no body: the token, address and user agent are what it records.
  'POST /api/v1/sessions': () => undefined,
  // A loopback receiver that nothing listens on, for an event the world never makes: no traffic.
  'POST /api/v1/webhooks': () => ({ url: 'http://127.0.0.1:9/world-hook', events: ['lead.won'] }),
  'PATCH /api/v1/webhooks/{id}': () => ({ events: ['lead.won', 'lead.lost'] }),
  'POST /api/v1/webhooks/{id}/rotate-secret': () => ({ graceHours: 1 }),
  // A one-row file: the world's import (its worker runs on the bus like any other).
  'POST /api/v1/imports': () => ({ entityType: 'contacts', csv: 'Name\nWorld import person\n' }),
  'POST /api/v1/pipelines/{id}/stages/{stageId}/remove': (w) => ({ moveToStageId: w.stages }),
  'POST /api/v1/api-keys': () => ({ name: 'Fixture key', scopes: ['leads:read'] }),
  'POST /api/v1/automations': (w) => ({ pipelineId: w.pipelines, stageId: w.stages, action: { type: 'add_tag', tag: 'fixture' } }),
  'PATCH /api/v1/automations/{id}': () => ({ delayMinutes: 15 }),
  // Incoming requests: the world's request is accepted into a new lead, or joins the world's lead.
  'POST /api/v1/incoming/{id}/accept': () => ({}),
  'POST /api/v1/incoming/{id}/attach': (w) => ({ leadId: w.leads }),
  'POST /api/v1/forms': () => ({ name: 'Fixture form' }),
  'PATCH /api/v1/forms/{id}': () => ({ thankYou: 'Thanks!' }),
};

/** The query string a GET route needs to answer 200 (its required parameters), keyed by route key. */
export const SAMPLE_QUERIES: Record<string, string> = {
  'GET /api/v1/tags': 'entityType=leads',
  'GET /api/v1/search': 'q=fixture',
  'GET /api/v1/exports': 'entityType=contacts',
};

export type World = Record<string, string>;

/** Creates the world in `account`: one entity per collection route that has a sample. */
export async function buildWorld(account: TestAccount): Promise<World> {
  const world: World = {};
  for (const route of routes) {
    // Only creates make an id (read-all, for one, is a POST that makes nothing).
    if (
      route.method !== 'POST' ||
      route.path.includes('{') ||
      ('public' in route && route.public) ||
      !('status' in route && route.status === 201)
    )
      continue;
    const sample = SAMPLE_BODIES[`${route.method} ${route.path}`];
    if (!sample) throw new Error(`No sample body for ${route.method} ${route.path}: add one to functions/test/support/world.ts`);
    const res = await account.request('POST', route.path, sample(world));
    if (res.status !== 201) throw new Error(`${route.method} ${route.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    // A sign-in report (POST /sessions) makes no entity with an id of its own.
    if (res.body.id) world[collectionOf(route.path)] = res.body.id;
    if (res.body.stages) world.stages = res.body.stages[0].id;
  }
  // Items made under a record that have their own GET (a lead's notes...): one each, keyed by
  // the collection path they were posted to, once the records exist.
  for (const route of routes) {
    if (
      route.method !== 'POST' ||
      !route.path.includes('{') ||
      !routes.some((r) => r.method === 'GET' && r.path.startsWith(`${route.path}/{`))
    )
      continue;
    const sample = SAMPLE_BODIES[`${route.method} ${route.path}`];
    if (!sample) throw new Error(`No sample body for ${route.method} ${route.path}: add one to functions/test/support/world.ts`);
    const res = await account.request('POST', fillPath(route, world), sample(world));
    if (res.status !== 201) throw new Error(`${route.method} ${route.path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    world[route.path] = res.body.id;
  }
  // A company in the trash fills /trash/{entityType}/{id}/restore ('company' is no substring of
  // any list answer, which the isolation test searches for world values).
  const trashed = await account.request('POST', '/api/v1/companies', SAMPLE_BODIES['POST /api/v1/companies']!(world));
  await account.request('DELETE', `/api/v1/companies/${trashed.body.id}`);
  world['/api/v1/trash'] = 'company';
  world['/api/v1/trash/{entityType}'] = trashed.body.id;
  // No delivery is made for the world's webhook: the resend route gets a delivery id that is not there (404).
  world.deliveries = 'no-such-delivery';
  // Notifications come from the bus, never from a POST: a lead's id stands in (a 404 to everyone).
  world.notifications = world.leads;
  // Incoming requests come from sources (forms, calls, mail, chats), never from a POST of the API.
  // A form is reached by its public key.
  world['{formKey}'] = (await account.request('GET', `/api/v1/forms/${world.forms}`)).body.formKey;
  world.incoming = (await receiveIncoming(account.accountId, { source: 'api', name: 'World request', phone: '+7 900 000-00-01' })).id;
  // The world's import and the request's notification of the admin are written by consumers of
  // the bus: wait for both, so that tests which compare the table before and after a request
  // see only what that request did.
  await until(async () =>
    ['done', 'failed', 'cancelled'].includes((await account.request('GET', `/api/v1/imports/${world.imports}`)).body.status),
  );
  await until(async () => (await account.request('GET', '/api/v1/notifications')).body.unreadCount > 0);
  return world;
}

async function until(done: () => Promise<boolean>) {
  for (let i = 0; i < 150; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("The world's bus consumers did not finish within 30 s");
}

const collectionOf = (path: string) =>
  path
    .split('/')
    .filter((s) => s && !s.startsWith('{'))
    .at(-1)!;

/**
 * Path parameters that name code installed for every account (a widget and its card action),
 * not a record: not in the world, whose values no foreign list may show.
 */
export const CODE_PARAMS: Record<string, string> = { name: 'sms', action: 'send' };
export const namesOnlyCode = (route: Pick<Route, 'path'>) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].every(([, param]) => param! in CODE_PARAMS);

/**
 * The route's path with the world's ids; the segment before a parameter names its collection
 * (or the whole path before it, for items made under a record).
 */
export function fillPath(route: Pick<Route, 'path'>, world: World): string {
  const parts = route.path.split('/');
  return parts
    .map((part, i) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return part;
      const value = CODE_PARAMS[param] ?? world[`{${param}}`] ?? world[parts.slice(0, i).join('/')] ?? world[parts[i - 1]];
      if (!value) throw new Error(`No id in the world for ${param} of ${route.path}: extend functions/test/support/world.ts`);
      return encodeURIComponent(value);
    })
    .join('/');
}

type Served<R> = R extends TableRoute ? R & Operations[R['id']] : never;
export type Route = Served<TableRoute>;
const operations = await loadOperations();
/** The route table with each operation's schemas and success status (a Lambda loads only its own). */
export const routes = table.map((r) => ({ ...r, ...operations[r.id] })) as readonly Route[];

export const isPublic = (route: Route) => 'public' in route && route.public === true;
export const routeKeyOf = (route: Route) => `${route.method} ${route.path}`;

/** A started API and a fresh account holding a whole world (the cross-cutting tests' setup). */
export async function startWorld(opts: TestApiOptions = {}) {
  const api = await startTestApi(opts);
  const account = await signupAndLogin(api.apiUrl);
  const world = await buildWorld(account);
  return { api, account, world };
}
