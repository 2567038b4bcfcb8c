// POST /users with an Idempotency-Key sent ten times at once (issue 9, item 18): the login is made
// outside the table's transaction, yet every retry gets the first answer, as for leads, and one
// user with one working login exists afterwards.
import { beforeAll, expect, it } from 'vitest';
import { logInAs, type TestAccount } from '@crm/local/testing';
import { useApi } from './support/api.ts';

const api = useApi();
let admin: TestAccount;

beforeAll(async () => {
  admin = await api.account();
});

it('answers ten parallel POST /users with one Idempotency-Key with the first answer', async () => {
  const email = `twin-${Date.now()}@example.com`;
  const body = { email, name: 'Twin', role: 'manager', password: 'Test-password-1' };
  const key = { 'idempotency-key': `invite-${Date.now()}` };
  const answers = await Promise.all(Array.from({ length: 10 }, () => admin.request('POST', '/api/v1/users', body, key)));

  expect(
    answers.map((a) => a.status),
    JSON.stringify(answers.map((a) => a.body)),
  ).toEqual(Array(10).fill(201));
  const first = answers[0]!.body;
  for (const a of answers) expect(a.body).toEqual(first);

  const users = (await admin.request('GET', '/api/v1/users?limit=250')).body.items.filter((u: { email: string }) => u.email === email);
  expect(users).toEqual([first]);
  const created = (await admin.request('GET', `/api/v1/events?entityType=user&entityId=${first.id}`)).body.items;
  expect(created.filter((e: { type: string }) => e.type === 'user.created')).toHaveLength(1);
  // The one login belongs to that user.
  const token = await logInAs(email, body.password);
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
  expect(claims['custom:userId']).toBe(first.id);

  // A later retry with the same key and another body is still the 422 of a reused key.
  const reused = await admin.request('POST', '/api/v1/users', { ...body, name: 'Other' }, key);
  expect(reused.status).toBe(422);
}, 60_000);

it('gives the key back when the first request fails, so that no retry waits for an answer that never comes', async () => {
  const taken = `taken-${Date.now()}@example.com`;
  await admin.request('POST', '/api/v1/users', { email: taken, name: 'First', role: 'manager', password: 'Test-password-1' });
  const key = { 'idempotency-key': `fails-${Date.now()}` };
  const body = { email: taken, name: 'Second', role: 'manager', password: 'Test-password-1' };
  const answers = await Promise.all(Array.from({ length: 3 }, () => admin.request('POST', '/api/v1/users', body, key)));
  expect(answers.map((a) => a.status)).toEqual([409, 409, 409]);

  // The failed request kept no answer under its key: the key may carry a new request.
  const fresh = { ...body, email: `fresh-${Date.now()}@example.com` };
  const after = await admin.request('POST', '/api/v1/users', fresh, key);
  expect(after.status, JSON.stringify(after.body)).toBe(201);
}, 60_000);
