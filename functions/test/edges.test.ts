// Edges found in review: each of these once answered 5xx or broke a rule; now a clear 4xx
// or the right state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '@crm/local/http-client';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

let api: Awaited<ReturnType<typeof startTestApi>>;
let admin: TestAccount;

beforeAll(async () => {
  api = await startTestApi();
  admin = await signupAndLogin(api.apiUrl);
});
afterAll(() => api.close());

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('Ranges and cursors', () => {
  it('answers 400 to a range that ends before it starts, and copes with dates before 1970', async () => {
    const reversed = [
      '/api/v1/leads?createdFrom=2030-01-01T00:00:00Z&createdTo=2020-01-01T00:00:00Z',
      '/api/v1/events?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z',
      '/api/v1/tasks?status=open&dueFrom=2030-01-01T00:00:00Z&dueTo=2020-01-01T00:00:00Z',
    ];
    for (const path of reversed) expect((await admin.request('GET', path)).status, path).toBe(400);
    expect((await admin.request('GET', '/api/v1/leads?createdFrom=1960-01-01T00:00:00Z')).status).toBe(200);
    expect((await admin.request('GET', '/api/v1/events?from=1960-01-01T00:00:00Z')).status).toBe(200);
    const overdueFromFuture = await admin.request('GET', '/api/v1/tasks?status=overdue&dueFrom=2099-01-01T00:00:00Z');
    expect(overdueFromFuture.body).toEqual({ items: [], nextCursor: null });
  });

  it('answers 400 to a cursor of the own account that does not fit the list', async () => {
    const pk = `$crm#accountid_${admin.accountId.toLowerCase()}`;
    for (const cursor of [b64({ pk }), b64({ pk, sk: 'zzz' })]) {
      const res = await admin.request('GET', `/api/v1/leads?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('cursor');
    }
  });
});

describe('Sizes', () => {
  it('refuses custom-field values over 64 KB in all with a 400 on customFields', async () => {
    const values = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`01ABCDEFGHJKMNPQRSTVWXYZ0${i}`, 'x'.repeat(9_000)]));
    const res = await admin.request('POST', '/api/v1/leads', { name: 'Heavy', customFields: values });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('customFields');
  });

  it('keeps a lead with the most contacts and tags deletable in one transaction', async () => {
    const contactIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const c = await admin.request('POST', '/api/v1/contacts?allowDuplicate=true', { name: `Contact ${i}` });
      contactIds.push(c.body.id);
    }
    const tags = Array.from({ length: 20 }, (_, i) => `tag-${i}`);
    const lead = await admin.request('POST', '/api/v1/leads', { name: 'Crowded', contactIds, tags });
    expect(lead.status).toBe(201);
    expect((await admin.request('POST', '/api/v1/leads', { name: 'Too many', tags: [...tags, 'one more'] })).status).toBe(400);
    expect((await admin.request('DELETE', `/api/v1/leads/${lead.body.id}`)).status).toBe(204);
    expect((await admin.request('POST', `/api/v1/trash/lead/${lead.body.id}/restore`)).status).toBeLessThan(300);
  });
});

describe('Idempotency on sub-resources', () => {
  it('replays POST /pipelines/{id}/stages and rejects the key with another body', async () => {
    const p = (await admin.request('POST', '/api/v1/pipelines', { name: 'Idem', stages: [{ name: 'A' }] })).body;
    const key = { 'idempotency-key': `stage-${Date.now()}` };
    const first = await admin.request('POST', `/api/v1/pipelines/${p.id}/stages`, { name: 'B' }, key);
    const again = await admin.request('POST', `/api/v1/pipelines/${p.id}/stages`, { name: 'B' }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await admin.request('POST', `/api/v1/pipelines/${p.id}/stages`, { name: 'C' }, key)).status).toBe(422);
    expect(
      (await admin.request('GET', `/api/v1/pipelines/${p.id}`)).body.stages.filter((s: { name: string }) => s.name === 'B'),
    ).toHaveLength(1);
  });
});

describe('Pipelines and users', () => {
  it('never lets two parallel deletes leave the account without a pipeline', async () => {
    const acct = await signupAndLogin(api.apiUrl);
    const first = (await acct.request('GET', '/api/v1/pipelines')).body.items[0];
    const second = (await acct.request('POST', '/api/v1/pipelines', { name: 'Second', stages: [{ name: 'A' }] })).body;
    const answers = await Promise.all([first.id, second.id].map((id) => acct.request('DELETE', `/api/v1/pipelines/${id}`)));
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
    expect((await acct.request('GET', '/api/v1/pipelines')).body.items).toHaveLength(1);
  });

  it('tells a manager 403, not 409, on user administration of themselves', async () => {
    const email = `m-${Date.now()}@example.com`;
    const created = await admin.request('POST', '/api/v1/users', { email, name: 'M', role: 'manager', password: 'Manager-pass-1' });
    const token = await logInAs(email, 'Manager-pass-1');
    const asManager = (m: string, p: string, body?: unknown) => callApi(api.apiUrl, m, p, body, { authorization: `Bearer ${token}` });
    expect((await asManager('PATCH', `/api/v1/users/${created.body.id}`, { role: 'manager' })).status).toBe(403);
    expect((await asManager('DELETE', `/api/v1/users/${created.body.id}`)).status).toBe(403);
  });
});

describe('Restore', () => {
  it('takes the type as the event log names it (lead) or as the collection does (leads)', async () => {
    const lead = (await admin.request('POST', '/api/v1/leads', { name: 'Plural' })).body;
    await admin.request('DELETE', `/api/v1/leads/${lead.id}`);
    const listed = await admin.request('GET', '/api/v1/trash?entityType=leads');
    expect(listed.body.items.map((i: { id: string; entityType: string }) => [i.id, i.entityType])).toContainEqual([lead.id, 'lead']);
    expect((await admin.request('POST', `/api/v1/trash/leads/${lead.id}/restore`)).body.id).toBe(lead.id);
    expect((await admin.request('POST', `/api/v1/trash/tasks/${lead.id}/restore`)).status).toBe(404);
  });

  it('gives a restored lead its current nearest task, not the one it had when deleted', async () => {
    const lead = (await admin.request('POST', '/api/v1/leads', { name: 'Comeback' })).body;
    const task = (
      await admin.request('POST', '/api/v1/tasks', {
        text: 'Call',
        dueAt: '2031-01-01T00:00:00.000Z',
        entity: { type: 'lead', id: lead.id },
      })
    ).body;
    expect((await admin.request('GET', `/api/v1/leads/${lead.id}`)).body.nearestTaskAt).toBe('2031-01-01T00:00:00.000Z');
    await admin.request('DELETE', `/api/v1/leads/${lead.id}`);
    await admin.request('POST', `/api/v1/tasks/${task.id}/complete`, {});
    const restored = await admin.request('POST', `/api/v1/trash/lead/${lead.id}/restore`);
    expect(restored.body.nearestTaskAt).toBeNull();
  });
});

describe('Order of checks and idempotency scope', () => {
  it('answers 401 before looking at the body', async () => {
    const res = await callApi(api.apiUrl, 'POST', '/api/v1/leads', { name: '' });
    expect(res.status).toBe(401);
  });

  it('keeps an Idempotency-Key to the user who sent it', async () => {
    const email = `second-${Date.now()}@example.com`;
    await admin.request('POST', '/api/v1/users', { email, name: 'Second', role: 'admin', password: 'Second-pass-1' });
    const token = await logInAs(email, 'Second-pass-1');
    const key = { 'idempotency-key': `shared-${Date.now()}` };
    const first = await admin.request('POST', '/api/v1/leads', { name: 'Same body' }, key);
    const other = await callApi(api.apiUrl, 'POST', '/api/v1/leads', { name: 'Same body' }, { authorization: `Bearer ${token}`, ...key });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.createdBy).not.toBe(first.body.createdBy);
  });
});

describe('Review of the contract', () => {
  it('invites a user without a password (Cognito e-mails the invitation)', async () => {
    const res = await admin.request('POST', '/api/v1/users', {
      email: `invited-${Date.now()}@example.com`,
      name: 'Invited',
      role: 'manager',
    });
    expect(res.status).toBe(201);
  });

  it('takes a retried body with keys in another order as the same request', async () => {
    const key = { 'idempotency-key': `order-${Date.now()}` };
    const first = await admin.request('POST', '/api/v1/leads', '{"name":"Order","price":1}', {
      ...key,
      'content-type': 'application/json',
    });
    const again = await admin.request('POST', '/api/v1/leads', '{ "price": 1, "name": "Order" }', {
      ...key,
      'content-type': 'application/json',
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('answers 413 to a big body on any route, even one that takes none', async () => {
    const lead = (await admin.request('POST', '/api/v1/leads', { name: 'Big delete' })).body;
    const res = await admin.request('DELETE', `/api/v1/leads/${lead.id}`, { junk: 'x'.repeat(1_100_000) });
    expect(res.status).toBe(413);
    expect((await admin.request('GET', `/api/v1/leads/${lead.id}`)).status).toBe(200);
  });

  it('describes nullable fields, headers and optional bodies the OpenAPI 3.1 way', async () => {
    const doc = (await admin.request('GET', '/api/v1/openapi.json')).body;
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
    const patchLead = doc.paths['/api/v1/leads/{id}'].patch;
    expect(patchLead.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
    const postLead = doc.paths['/api/v1/leads'].post;
    expect(postLead.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(postLead.responses['201'].headers)).toEqual(['Location', 'ETag']);
    expect(doc.paths['/api/v1/tasks/{id}/complete'].post.requestBody.required).toBe(false);
  });
});
