// Property-based bad input on every create and patch route and every list query: only 4xx
// problem+json comes back, and the account's items are exactly as before.
import fc from 'fast-check';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { accountItems } from './support/table.ts';
import { fillPath, isPublic, routeKeyOf, routes, startWorld, type World } from './support/world.ts';

let api: Awaited<ReturnType<typeof startWorld>>['api'];
let account: TestAccount;
let world: World;

beforeAll(async () => {
  // A table of its own: each case reads the whole table twice (support/table.ts).
  ({ api, account, world } = await startWorld({ ownTable: true }));
});
afterAll(() => api.close());

/** The names a schema knows, so that generated objects come close to valid ones. */
const knownKeys = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
};

const nasty = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'.repeat(300)),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant('__proto__'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  fc.constant('2026-13-45T99:00:00Z'),
  fc.constant('01ZZZZZZZZZZZZZZZZZZZZZZZZ'),
  fc.constant('<script>'),
);

const badBody = (schema: z.ZodType) => {
  const keys = knownKeys(schema);
  const nearMiss = fc.dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string()) : fc.string(), nasty, { maxKeys: 4 });
  // Judged as sent: JSON drops undefined members, so `{"": undefined}` goes out as `{}`.
  return fc
    .oneof(nearMiss, fc.jsonValue(), fc.anything())
    .map((v) => (v === undefined ? v : JSON.parse(JSON.stringify(v) ?? 'null')))
    .filter((v) => !schema.safeParse(v).success);
};

const badQuery = (schema: z.ZodType) => {
  const keys = knownKeys(schema);
  const value = fc.oneof(fc.string(), fc.constantFrom('-1', '0', '251', 'abc', '1e3', '', '2026-99-99', '%%'));
  return fc
    .dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), fc.string({ minLength: 1 })) : fc.string({ minLength: 1 }), value, {
      minKeys: 1,
      maxKeys: 3,
    })
    .filter((q) => !schema.safeParse(q).success);
};

const expectProblem = (res: { status: number; headers: Headers; body: unknown }, what: string) => {
  expect(res.status, `${what} -> ${res.status} ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get('content-type'), what).toContain('application/problem+json');
};

const writes = routes.filter((r) => !isPublic(r) && 'body' in r && r.body);
const reads = routes.filter((r) => !isPublic(r) && r.method === 'GET' && 'query' in r && r.query);

describe('Bad input changes nothing', () => {
  it.each(writes.map((r) => [routeKeyOf(r), r] as const))('%s: bad bodies are 4xx', async (_key, route) => {
    const before = await accountItems(account.accountId);
    await fc.assert(
      fc.asyncProperty(badBody((route as { body: z.ZodType }).body), async (body) => {
        const res = await account.request(route.method, fillPath(route, world), JSON.stringify(body) ?? 'undefined', {
          'content-type': 'application/json',
        });
        expectProblem(res, `${routeKeyOf(route)} ${JSON.stringify(body)}`);
      }),
      { numRuns: 25 },
    );
    expect(await accountItems(account.accountId)).toEqual(before);
  });

  it.each(reads.map((r) => [routeKeyOf(r), r] as const))('%s: bad query strings are 4xx', async (_key, route) => {
    await fc.assert(
      fc.asyncProperty(badQuery((route as { query: z.ZodType }).query), async (query) => {
        const res = await account.request('GET', `${fillPath(route, world)}?${new URLSearchParams(query)}`);
        expectProblem(res, `${routeKeyOf(route)} ${JSON.stringify(query)}`);
      }),
      { numRuns: 25 },
    );
  });
});
