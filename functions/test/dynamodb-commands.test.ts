// What each request costs in DynamoDB: no Scan anywhere, and a page or an entity is one
// Query or one GetItem (docs/data-model.md lists the few routes that need more, and why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '@crm/core';
import type { Pipeline } from '@crm/contract';
import { watchCommands } from '@crm/local/command-watch';
import { seedLeads } from '@crm/local/seed-leads';
import { signupAndLogin, type TestAccount } from '@crm/local/testing';
import { fillPath, isPublic, routeKeyOf, routes, SAMPLE_QUERIES, startWorld, type World } from './support/world.ts';

/** Routes allowed more than one command per request; each is explained in docs/data-model.md. */
const ALLOWED: Record<string, string[]> = {
  'GET /api/v1/me': ['GetItem', 'GetItem'],
  // The desktop, all in parallel: the account (its time zone, for today's tasks), the pipelines
  // (which stages are open), the stage counters, this week's day counters, the caller's due
  // counters (years, months and days before today, the hours around today), the open tasks of
  // the current hour, and the latest events: ten reads, whatever the number of leads and tasks.
  'GET /api/v1/dashboard': ['GetItem', ...Array<string>(9).fill('Query')],
  'GET /api/v1/pipelines/{id}/totals': ['GetItem', 'Query'],
  // The first page of roles heads with the built-in ones, stamped with the account's creation.
  'GET /api/v1/roles': ['GetItem', 'Query'],
  // An import's job, then (preview) the custom fields its columns may map to; the file is in S3.
  'GET /api/v1/imports/{id}/preview': ['GetItem', 'Query'],
  'GET /api/v1/imports/{id}/failed-rows': ['GetItem'],
  // The page and, beside it, the caller's unread counter (one item) for the bell.
  'GET /api/v1/notifications': ['GetItem', 'Query'],
  // The page, then the names of the records its tasks are about: one BatchGetItem per page.
  'GET /api/v1/tasks': ['Query', 'BatchGetItem'],
  // A custom field by id alone: its key leads with its collection, so one Query over the
  // account's (at most 300) field definitions finds it.
  'GET /api/v1/custom-fields/{id}': ['Query'],
  // q=fixture: a name-prefix Query per collection, and an e-mail-prefix Query for contacts and
  // companies (phone-like queries add one phone Query for each: 7 at most).
  // The leads found, by id, for their price and status (their terms do not carry them).
  'GET /api/v1/search': ['Query', 'Query', 'Query', 'Query', 'Query', 'BatchGetItem'],
  // Notes and timelines read through their record: its GetItem (exists, may be viewed), then
  // one Query for the page; a single note is a second GetItem.
  ...Object.fromEntries(
    ['leads', 'contacts', 'companies'].flatMap((c) => [
      [`GET /api/v1/${c}/{id}/notes`, ['GetItem', 'Query']],
      [`GET /api/v1/${c}/{id}/notes/{noteId}`, ['GetItem', 'GetItem']],
      [`GET /api/v1/${c}/{id}/timeline`, ['GetItem', 'Query']],
    ]),
  ),
  // A record's links read through the record (exists, may be viewed), then one Query: the
  // contact's link items, or the contacts' / leads' company index.
  'GET /api/v1/contacts/{id}/leads': ['GetItem', 'Query'],
  'GET /api/v1/companies/{id}/contacts': ['GetItem', 'Query'],
  'GET /api/v1/companies/{id}/leads': ['GetItem', 'Query'],
  // Reports read counters only (derived/analytics-counters.ts), whatever the number of leads:
  // the account (its time zone), the default pipeline, its stage counters and its reach
  // counters for the period.
  'GET /api/v1/analytics/funnel': ['GetItem', 'Query', 'Query', 'Query'],
  // The account, then the day counters of the period.
  'GET /api/v1/analytics/summary': ['GetItem', 'Query'],
  // The account, the users, the pipelines (which stages are open), and the stage, day, task
  // due, task done and contact counters.
  'GET /api/v1/analytics/managers': ['GetItem', 'Query', 'Query', 'Query', 'Query', 'Query', 'Query', 'Query'],
  // The account's settings are its own item.
  'GET /api/v1/settings': ['GetItem'],
  // Usage: the month's request shards, the record counters, the users.
  'GET /api/v1/usage': ['Query', 'Query', 'Query'],
  // A webhook's deliveries read through it like a record's notes: its GetItem (a 404 for another account's id), then the page.
  'GET /api/v1/webhooks/{id}/deliveries': ['GetItem', 'Query'],
  // The page of requests and, beside it, the account's counter of new ones.
  'GET /api/v1/incoming': ['GetItem', 'Query'],
};

/**
 * What every authenticated request adds: its caller, user and account in one consistent
 * BatchGetItem (services/callers.ts: changed rights and the IP allow-list judge the very next
 * request), and the month's request count (UpdateItem, outside any transaction).
 */
const PER_REQUEST = ['BatchGetItem', 'UpdateItem'];

const { sent, measure } = watchCommands(dynamo);

let api: Awaited<ReturnType<typeof startWorld>>['api'];
let account: TestAccount;
let world: World;

beforeAll(async () => {
  ({ api, account, world } = await startWorld());
  await account.request('GET', '/api/v1/me'); // a warm Lambda: the JWKS is cached (the caller never is)
});
afterAll(() => api.close());

const reads = routes.filter((r) => r.method === 'GET' && !isPublic(r));

describe('DynamoDB commands per request', () => {
  it.each(reads.map((r) => [routeKeyOf(r), r] as const))('%s', async (key, route) => {
    sent.length = 0;
    const query = SAMPLE_QUERIES[key] ? `?${SAMPLE_QUERIES[key]}` : '';
    const res = await account.request('GET', `${fillPath(route, world)}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = [...(ALLOWED[key] ?? (route.path.endsWith('}') ? ['GetItem'] : ['Query'])), ...PER_REQUEST];
    // Sorted: reads that run in parallel may start in any order.
    expect([...sent].sort()).toEqual([...expected].sort());
  });

  it('never scans, whatever the filters and sorts', async () => {
    sent.length = 0;
    const queries = [
      'sort=price',
      'sort=-updatedAt',
      `stageId=${world['{stageId}']}&tag=x`,
      `pipelineId=${world.pipelines}&status=open`,
      `responsibleUserId=${account.userId}&createdFrom=2020-01-01T00:00:00.000Z`,
      'companyId=01ABCDEFGHJKMNPQRSTVWXYZ00',
      'contactId=01ABCDEFGHJKMNPQRSTVWXYZ00',
    ];
    for (const q of queries) {
      const before = sent.length;
      expect((await account.request('GET', `/api/v1/leads?${q}`)).status).toBe(200);
      expect(sent.slice(before).sort(), q).toEqual(['Query', ...PER_REQUEST].sort());
    }
    expect(sent).not.toContain('Scan');
  });

  it('answers a list q from the search index: one term Query, then the leads it names by id', async () => {
    for (const q of [`stageId=${world['{stageId}']}&tag=x&q=a`, 'q=fixture&sort=-price', 'q=nothing-is-named-so']) {
      sent.length = 0;
      expect((await account.request('GET', `/api/v1/leads?${q}`)).status).toBe(200);
      const reads = sent.filter((c) => !PER_REQUEST.includes(c));
      expect(reads[0], q).toBe('Query');
      expect(
        reads.slice(1).every((c) => c === 'BatchGetItem'),
        q,
      ).toBe(true);
    }
  });

  it('writes no search term on a price-only change, nor on a stage move', async () => {
    const written: string[] = [];
    const spy =
      (next: (a: unknown) => Promise<unknown>) =>
      async (args: { input: { TransactItems?: Record<string, { Item?: Record<string, unknown>; Key?: Record<string, unknown> }>[] } }) => {
        for (const op of args.input.TransactItems ?? []) {
          for (const w of Object.values(op)) written.push(String(w.Item?.__edb_e__ ?? w.Key?.sk ?? ''));
        }
        return next(args);
      };
    dynamo.middlewareStack.add(spy as never, { step: 'initialize', name: 'transactItems' });
    try {
      const lead = (await account.request('POST', '/api/v1/leads', { name: 'Priced deal' })).body as { id: string; pipelineId: string };
      expect(written.filter((w) => w === 'searchTerm').length).toBeGreaterThan(0);
      written.length = 0;
      expect((await account.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 5 })).status).toBe(200);
      expect(written.length).toBeGreaterThan(0);
      expect(written.filter((w) => /searchterm/i.test(w))).toEqual([]);
      const stages = ((await account.request('GET', `/api/v1/pipelines/${lead.pipelineId}`)).body as Pipeline).stages;
      written.length = 0;
      expect((await account.request('PATCH', `/api/v1/leads/${lead.id}`, { stageId: stages[1].id })).status).toBe(200);
      expect(written.filter((w) => /searchterm/i.test(w))).toEqual([]);
      written.length = 0;
      expect((await account.request('PATCH', `/api/v1/leads/${lead.id}`, { name: 'Renamed deal' })).status).toBe(200);
      expect(written.filter((w) => w === 'searchTerm').length).toBeGreaterThan(0);
    } finally {
      dynamo.middlewareStack.remove('transactItems');
    }
  });

  it('writes a change, its event and counters in one transaction', async () => {
    sent.length = 0;
    const created = await account.request('POST', '/api/v1/leads', { name: 'Counted' });
    expect(created.status).toBe(201);
    expect(sent.filter((c) => c.startsWith('Transact'))).toEqual(['TransactWriteItems']);
    expect(sent).not.toContain('PutItem');
    // The only write outside the transaction is the request count.
    expect(sent.filter((c) => c === 'UpdateItem')).toEqual(['UpdateItem']);
  });
});

/**
 * 300 and 2,000 leads (and as many open tasks): the seed spreads the leads over 5 days, every
 * stage, 2 users and the 4 shards of the day and reach tallies, and the tasks over due times
 * from a year back to a month ahead, so both sizes fill every counter the reports and the
 * desktop read (from 300 leads on: 164 tally items) while the
 * bigger one, seeded in batches, keeps this test within seconds; the bench goes further.
 * Five leads in each are named "Needle" through the API (with their search terms), and as
 * many contacts and companies beside as many seeded ones.
 */
describe('Reports, the desktop, board totals and searches cost the same at any number of leads', () => {
  const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
  const period = `from=${days[0]}&to=${days[4]}`;
  const sized: TestAccount[] = [];
  let pipelineOf: string[] = [];

  beforeAll(async () => {
    const { seedTasks } = await import('@crm/local/seed-tasks');
    const { seedClients } = await import('@crm/local/seed-clients');
    const t = Date.now();
    const dueTimes = [-400, -40, -9, -3, -2, -1, 1, 2, 3, 30].map((d) => new Date(t + d * 86_400_000).toISOString());
    for (const count of [300, 2000]) {
      const owner = await signupAndLogin(api.apiUrl);
      const pipelines = (await owner.request('GET', '/api/v1/pipelines')).body as { items: Pipeline[] };
      const other = (
        await owner.request('POST', '/api/v1/users', {
          email: `seed-${count}-${Date.now()}@example.com`,
          name: 'Second',
          role: 'manager',
          password: 'Test-password-1',
        })
      ).body as { id: string };
      await seedLeads({ accountId: owner.accountId, pipeline: pipelines.items[0], userIds: [owner.userId, other.id], count, days });
      const typeId = ((await owner.request('GET', '/api/v1/task-types')).body as { items: { id: string }[] }).items[0].id;
      await seedTasks({ accountId: owner.accountId, userId: owner.userId, typeId, count, dueTimes });
      for (let i = 0; i < 5; i++) await owner.request('POST', '/api/v1/leads', { name: `Needle ${i}`, price: 10 });
      // As many contacts and companies, five of each named "Needle" (with their search terms).
      await seedClients({ accountId: owner.accountId, userId: owner.userId, count });
      for (let i = 0; i < 5; i++) {
        await owner.request('POST', '/api/v1/contacts', { name: `Needle ${i}` });
        await owner.request('POST', '/api/v1/companies', { name: `Needle ${i}` });
      }
      await owner.request('GET', '/api/v1/me');
      sized.push(owner);
      pipelineOf.push(pipelines.items[0].id);
    }
  }, 90_000);

  it.each([
    `/api/v1/analytics/funnel?${period}`,
    `/api/v1/analytics/summary?${period}&groupBy=week`,
    `/api/v1/analytics/managers?${period}`,
    '/api/v1/dashboard',
    '/api/v1/pipelines/{pipeline}/totals',
    '/api/v1/search?q=needle',
    '/api/v1/search?q=nothing',
    '/api/v1/leads?q=needle',
    '/api/v1/leads?q=needle 3&sort=-price',
    '/api/v1/leads?q=nothing',
    '/api/v1/contacts?q=needle',
    '/api/v1/contacts?q=needle 3&sort=name',
    '/api/v1/contacts?q=nothing',
    '/api/v1/companies?q=needle',
    '/api/v1/companies?q=needle 3&sort=-updatedAt',
    '/api/v1/companies?q=nothing',
  ])('%s', async (template) => {
    const costs = [];
    for (const [i, owner] of sized.entries()) {
      const path = template.replace('{pipeline}', pipelineOf[i]);
      await owner.request('GET', '/api/v1/me'); // the caller cached again (30 s), as on a warm Lambda
      const { answer: res, ...cost } = await measure(() => owner.request('GET', path));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      if (/\/(leads|contacts|companies)\?q=needle$/.test(path)) expect(res.body.items).toHaveLength(5);
      costs.push(cost);
    }
    const [small, big] = costs;
    expect(big).toEqual(small);
    expect(small.capacityUnits).toBeGreaterThan(0);
    // Counters only: no lead is read but those a search names (the five needles, in both).
    if (!/q=/.test(template)) expect(small.entities).not.toContain('lead');
  });
});
