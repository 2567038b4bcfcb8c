// The typed client against a recording fetch: what it sends for each kind of call, and how
// it reads answers and problems. (Against the real API it runs in functions/test.)
import { describe, expect, it } from 'vitest';
import { ApiProblem, createAnswerClient, createClient, type ClientOptions } from '@crm/contract/client';
import { endpoints, groupOf, loadOperations, loadSchemas } from '@crm/contract';

const operations = await loadOperations();

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

function recording(answer: (sent: Sent) => Response = () => json(200, { ok: true })) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    const one = {
      url: String(url),
      method: init!.method!,
      headers: init!.headers as Record<string, string>,
      body: init!.body === undefined ? undefined : JSON.parse(String(init!.body)),
    };
    sent.push(one);
    return answer(one);
  };
  return { sent, fetch };
}
const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const base = (over: Partial<ClientOptions> & Pick<ClientOptions, 'fetch'>): ClientOptions => ({
  baseUrl: 'https://crm.example/api/v1/',
  getToken: () => 'token-1',
  ...over,
});

describe('Client: requests', () => {
  it('fills path parameters, sends the body as JSON with If-Match and the token', async () => {
    // Prepare
    const { sent, fetch } = recording();
    const client = createClient(base({ fetch }));
    // Act
    await client.leads.patch({ id: 'lead 1' }, { price: 150 }, { ifMatch: 3 });
    // Assess
    expect(sent[0]).toMatchObject({
      url: 'https://crm.example/api/v1/leads/lead%201',
      method: 'PATCH',
      headers: { authorization: 'Bearer token-1', 'if-match': '"3"', 'content-type': 'application/json' },
      body: { price: 150 },
    });
  });

  it('sends a list query without empty values, and a query beside a body from the options', async () => {
    const { sent, fetch } = recording();
    const client = createClient(base({ fetch, baseUrl: () => Promise.resolve('https://crm.example') }));
    await client.leads.list({ limit: 2, q: '', status: 'open' });
    await client.contacts.create({ name: 'Ivan' }, { query: { allowDuplicate: true }, idempotencyKey: 'k-1' });
    await client.leads.notes.create({ id: 'L1' }, { text: 'Called' });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://crm.example/api/v1/leads?limit=2&status=open',
      'POST https://crm.example/api/v1/contacts?allowDuplicate=true',
      'POST https://crm.example/api/v1/leads/L1/notes',
    ]);
    expect(sent[1]!.headers['idempotency-key']).toBe('k-1');
    expect(sent[0]!.body).toBeUndefined();
  });

  it('sends no token to a public operation, and asks for a fresh one once after a 401', async () => {
    const tokens: boolean[] = [];
    let unauthorized = 0;
    const { sent, fetch } = recording((s) => (s.headers.authorization === 'Bearer stale' ? json(401, { status: 401 }) : json(200, {})));
    const client = createClient(
      base({
        fetch,
        getToken: ({ refresh }) => (tokens.push(refresh), refresh ? 'fresh' : 'stale'),
        onUnauthorized: () => unauthorized++,
      }),
    );
    await client.health();
    await client.me();
    expect(sent.map((s) => s.headers.authorization)).toEqual([undefined, 'Bearer stale', 'Bearer fresh']);
    expect(tokens).toEqual([false, true]);
    expect(unauthorized).toBe(0);
  });
});

describe('Client: answers', () => {
  it('resolves to the body, to undefined on a 204, and throws a problem as ApiProblem', async () => {
    const { fetch } = recording((s) =>
      s.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : s.url.endsWith('/L2')
          ? json(412, { title: 'Stale', status: 412, detail: 'changed' }, 'application/problem+json')
          : json(200, { id: 'L1', version: 2 }),
    );
    const client = createClient(base({ fetch }));
    expect(await client.leads.get({ id: 'L1' })).toEqual({ id: 'L1', version: 2 });
    expect(await client.leads.delete({ id: 'L1' })).toBeUndefined();
    const thrown = await client.leads.get({ id: 'L2' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiProblem);
    expect(thrown).toMatchObject({ status: 412, operation: 'leads.get', problem: { detail: 'changed' } });
  });

  it('gives the whole answer, headers and problem included, from the answer client', async () => {
    const { fetch } = recording(() => new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }));
    const answer = await createAnswerClient(base({ fetch })).tasks.complete({ id: 'T1' });
    expect(answer).toMatchObject({ ok: false, status: 502, problem: { status: 502, title: 'Bad Gateway', detail: 'gateway down' } });
  });
});

describe('Client: the operation table', () => {
  it('reaches every operation at the method and path of the table', () => {
    for (const [id, op] of Object.entries(operations)) {
      expect(endpoints[id as keyof typeof endpoints]).toMatchObject({ method: op.method, path: op.path });
    }
    expect(Object.keys(operations)).toEqual(Object.keys(endpoints));
  });

  it("describes each operation in its group's file, which a Lambda loads alone", async () => {
    for (const op of Object.values(operations)) expect(op.summary).toMatch(/\w/);
    const leads = await loadSchemas(['leads.get', 'leads.notes.get']);
    expect(Object.keys(leads)).toEqual(['leads.get', 'leads.notes.get']);
    expect(leads['leads.get']!.response).toBe(operations['leads.get'].response);
    expect([groupOf('leads.notes.get'), groupOf('contacts.timeline'), groupOf('pipelines.stages.add')]).toEqual([
      'notes',
      'timeline',
      'pipelines',
    ]);
  });

  it('has no operation id that is also a group of others (the client could not be both)', () => {
    const ids = Object.keys(endpoints);
    expect(ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)))).toEqual([]);
  });

  it('generates notes and the timeline under every record kind', () => {
    for (const kind of ['leads', 'contacts', 'companies']) {
      expect(operations[`${kind}.notes.get` as 'leads.notes.get'].path).toBe(`/api/v1/${kind}/{id}/notes/{noteId}`);
      expect(operations[`${kind}.timeline` as 'leads.timeline'].method).toBe('GET');
    }
  });
});
