// What each request costs in DynamoDB: no Scan anywhere, and a page or an entity is one
// Query or one GetItem (docs/data-model.md lists the few routes that need more, and why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '@crm/core';
import type { TestAccount } from '@crm/local/testing';
import { fillPath, isPublic, routeKeyOf, routes, SAMPLE_QUERIES, startWorld, type World } from './support/world.ts';

/** Routes allowed more than one command per request; each is explained in docs/data-model.md. */
const ALLOWED: Record<string, string[]> = {
  'GET /api/v1/me': ['GetItem', 'GetItem'],
  // The desktop, all in parallel: the account (its time zone, for today's tasks), the pipelines
  // (which stages are open), the stage counters, this week's day counters, two counts of the
  // caller's due tasks and the latest events: seven reads, whatever the number of leads.
  'GET /api/v1/dashboard': ['GetItem', 'Query', 'Query', 'Query', 'Query', 'Query', 'Query'],
  'GET /api/v1/pipelines/{id}/totals': ['GetItem', 'Query'],
  // The page and, beside it, the caller's unread counter (one item) for the bell.
  'GET /api/v1/notifications': ['GetItem', 'Query'],
  // The page, then the names of the records its tasks are about: one BatchGetItem per page.
  'GET /api/v1/tasks': ['Query', 'BatchGetItem'],
  // A custom field by id alone: its key leads with its collection, so one Query over the
  // account's (at most 300) field definitions finds it.
  'GET /api/v1/custom-fields/{id}': ['Query'],
  // q=fixture: a name-prefix Query per collection, and an e-mail-prefix Query for contacts and
  // companies (phone-like queries add one phone Query for each: 7 at most).
  'GET /api/v1/search': ['Query', 'Query', 'Query', 'Query', 'Query'],
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
};

const sent: string[] = [];
dynamo.middlewareStack.add(
  (next, context) => async (args) => {
    sent.push(String(context.commandName).replace(/Command$/, ''));
    return next(args);
  },
  { step: 'initialize', name: 'countCommands' },
);

let api: Awaited<ReturnType<typeof startWorld>>['api'];
let account: TestAccount;
let world: World;

beforeAll(async () => {
  ({ api, account, world } = await startWorld());
  await account.request('GET', '/api/v1/me'); // the token's user is then cached, as on a warm Lambda
});
afterAll(() => api.close());

const reads = routes.filter((r) => r.method === 'GET' && !isPublic(r));

describe('DynamoDB commands per request', () => {
  it.each(reads.map((r) => [routeKeyOf(r), r] as const))('%s', async (key, route) => {
    sent.length = 0;
    const query = SAMPLE_QUERIES[key] ? `?${SAMPLE_QUERIES[key]}` : '';
    const res = await account.request('GET', `${fillPath(route, world)}${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = ALLOWED[key] ?? (route.path.endsWith('}') ? ['GetItem'] : ['Query']);
    // Sorted: reads that run in parallel may start in any order.
    expect([...sent].sort()).toEqual([...expected].sort());
  });

  it('never scans, whatever the filters and sorts', async () => {
    sent.length = 0;
    const queries = [
      'sort=price',
      'sort=-updatedAt',
      `stageId=${world['{stageId}']}&tag=x&q=a`,
      `pipelineId=${world.pipelines}&status=open`,
      `responsibleUserId=${account.userId}&createdFrom=2020-01-01T00:00:00.000Z`,
      'companyId=01ABCDEFGHJKMNPQRSTVWXYZ00',
      'contactId=01ABCDEFGHJKMNPQRSTVWXYZ00',
    ];
    for (const q of queries) {
      const before = sent.length;
      expect((await account.request('GET', `/api/v1/leads?${q}`)).status).toBe(200);
      expect(sent.slice(before), q).toEqual(['Query']);
    }
    expect(sent).not.toContain('Scan');
  });

  it('writes a change, its event and counters in one transaction', async () => {
    sent.length = 0;
    const created = await account.request('POST', '/api/v1/leads', { name: 'Counted' });
    expect(created.status).toBe(201);
    expect(sent.filter((c) => c.startsWith('Transact'))).toEqual(['TransactWriteItems']);
    expect(sent).not.toContain('PutItem');
    expect(sent).not.toContain('UpdateItem');
  });
});
