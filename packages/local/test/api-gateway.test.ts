// The API Gateway emulator: route matching, the payload 2.0 event, answers, and its own problems.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '@crm/contract';
import { MAX_BODY_BYTES, startApiGateway, type ApiGateway, type CrmHandler } from '../src/api-gateway.ts';

const route = (method: RouteDef['method'], path: string, resource = 'echo'): RouteDef => ({ method, path, resource });
const routes: RouteDef[] = [
  route('GET', '/api/v1/leads'),
  route('POST', '/api/v1/leads'),
  route('GET', '/api/v1/leads/{id}'),
  route('PATCH', '/api/v1/leads/{id}'),
  route('GET', '/api/v1/leads/export'),
  route('GET', '/api/v1/files/{key+}'),
  route('POST', '/api/v1/answer', 'answer'),
  route('GET', '/api/v1/boom', 'boom'),
  route('GET', '/api/v1/unwritten', 'unwritten'),
];

async function loadHandler(resource: string): Promise<CrmHandler> {
  const mod = (await import('./fixtures/handlers.ts')) as unknown as Record<string, CrmHandler>;
  if (!mod[resource]) throw Object.assign(new Error(`Cannot find module '${resource}'`), { code: 'ERR_MODULE_NOT_FOUND' });
  return mod[resource];
}

const config = { region: 'us-east-1', userPoolId: 'local_pool', userPoolClientId: 'client', cognitoEndpoint: 'http://localhost:9229' };
let api: ApiGateway;
let webDir: string;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'crm-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
  api = await startApiGateway({ routes, loadHandler, config, webDir });
});
afterAll(async () => {
  await api?.close();
  rmSync(webDir, { recursive: true, force: true });
});

async function echoed(path: string, init: RequestInit = {}) {
  const res = await fetch(api.url + path, init);
  expect(res.status).toBe(200);
  return (await res.json()) as { event: APIGatewayProxyEventV2; context: Record<string, unknown> };
}

describe('the payload 2.0 event', () => {
  it('carries route, path, query, cookies, headers and request context as API Gateway does', async () => {
    const { event, context } = await echoed('/api/v1/leads/ab%20c%2Fd?tag=a&tag=b&q=%C3%A9t%C3%A9', {
      headers: { cookie: 'theme=dark; lang=ru', 'user-agent': 'crm-test/1', 'X-Custom': 'Yes' },
    });
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /api/v1/leads/{id}');
    expect(event.rawPath).toBe('/api/v1/leads/ab%20c%2Fd');
    expect(event.rawQueryString).toBe('tag=a&tag=b&q=%C3%A9t%C3%A9');
    expect(event.pathParameters).toEqual({ id: 'ab c/d' });
    expect(event.queryStringParameters).toEqual({ tag: 'a,b', q: 'été' });
    expect(event.cookies).toEqual(['theme=dark', 'lang=ru']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    const rc = event.requestContext;
    expect(rc).toMatchObject({
      accountId: expect.any(String),
      apiId: expect.any(String),
      domainName: `localhost:${api.port}`,
      requestId: expect.any(String),
      routeKey: 'GET /api/v1/leads/{id}',
      stage: '$default',
      http: { method: 'GET', path: '/api/v1/leads/ab%20c%2Fd', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'crm-test/1' },
    });
    expect(rc.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(rc.timeEpoch - Date.now())).toBeLessThan(5000);
    expect(context).toMatchObject({ functionName: 'crm-echo', awsRequestId: expect.any(String) });
    expect(context.remainingMs).toBeGreaterThan(25_000);
  });

  it('has no query, parameters or cookies when the request has none', async () => {
    const { event } = await echoed('/api/v1/leads');
    expect(event.routeKey).toBe('GET /api/v1/leads');
    expect(event.rawQueryString).toBe('');
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.cookies).toBeUndefined();
  });

  it('prefers a literal segment over a parameter, and a greedy parameter takes the rest', async () => {
    expect((await echoed('/api/v1/leads/export')).event.routeKey).toBe('GET /api/v1/leads/export');
    const { event } = await echoed('/api/v1/files/a/b%20c/d.txt');
    expect(event.routeKey).toBe('GET /api/v1/files/{key+}');
    expect(event.pathParameters).toEqual({ key: 'a/b c/d.txt' });
  });

  it('passes JSON and text bodies as text, anything else base64-encoded', async () => {
    const json = await echoed('/api/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Ёлка"}',
    });
    expect(json.event).toMatchObject({ body: '{"name":"Ёлка"}', isBase64Encoded: false });
    const bytes = Buffer.from([0, 1, 2, 255]);
    const binary = await echoed('/api/v1/leads', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    expect(binary.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.event.body!, 'base64')).toEqual(bytes);
    const form = await echoed('/api/v1/leads', { method: 'POST', body: new URLSearchParams({ name: 'x' }) });
    expect(form.event.isBase64Encoded).toBe(true);
    expect(Buffer.from(form.event.body!, 'base64').toString()).toBe('name=x');
  });
});

describe('answers', () => {
  const send = (result: unknown) =>
    fetch(`${api.url}/api/v1/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) });

  it('writes status, headers, cookies and a base64 body back', async () => {
    const res = await send({
      statusCode: 201,
      headers: { Location: '/api/v1/leads/1', ETag: '"1"', 'content-type': 'application/octet-stream' },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: Buffer.from([9, 8, 7]).toString('base64'),
      isBase64Encoded: true,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/v1/leads/1');
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(res.headers.get('apigw-requestid')).toBeTruthy();
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from([9, 8, 7]));
  });

  it('turns a result without statusCode into a 200 JSON answer', async () => {
    const res = await send({ hello: 'world' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ hello: 'world' });
  });

  it('answers 204 without a body', async () => {
    const res = await send({ statusCode: 204 });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });
});

describe("the gateway's own problems", () => {
  const problem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    return body;
  };

  it('404 for an unknown path, a trailing slash or an empty parameter', async () => {
    await problem(await fetch(`${api.url}/api/v1/nothing`), 404);
    await problem(await fetch(`${api.url}/api/v1/leads/`), 404);
    await problem(await fetch(`${api.url}/api/v2/leads`), 404);
  });

  it('405 with Allow for a known path and another method', async () => {
    const res = await fetch(`${api.url}/api/v1/leads/1`, { method: 'DELETE' });
    expect(res.headers.get('allow')).toBe('GET, PATCH, OPTIONS');
    await problem(res, 405);
  });

  it("413 over 10 MB (the 1 MB limit is the handlers')", async () => {
    const res = await fetch(`${api.url}/api/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_BODY_BYTES + 1, 32),
    });
    await problem(res, 413);
    const ok = await fetch(`${api.url}/api/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(2 * 1024 * 1024, 32),
    });
    expect(ok.status).toBe(200);
  });

  it('500 when the handler throws, 501 when its file is not written yet', async () => {
    await problem(await fetch(`${api.url}/api/v1/boom`), 500);
    const body = await problem(await fetch(`${api.url}/api/v1/unwritten`), 501);
    expect(body.detail).toContain('functions/handlers/unwritten.ts');
  });
});

describe('CORS', () => {
  it("answers a preflight from a local origin with the route's methods", async () => {
    const res = await fetch(`${api.url}/api/v1/leads/1`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, if-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toBe('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, if-match');
  });

  it('allows no foreign origin', async () => {
    const res = await fetch(`${api.url}/api/v1/leads`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${api.url}/api/v1/leads`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('config.json and the web app', () => {
  it('serves /config.json for the web app', async () => {
    const res = await fetch(`${api.url}/config.json`);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ apiUrl: api.url, ...config });
  });

  it('serves files, falls back to index.html for app routes, and never leaves the app folder', async () => {
    const js = await fetch(`${api.url}/assets/app-1234.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    for (const path of ['/', '/leads/42', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await fetch(api.url + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('<!doctype html><title>app</title>');
    }
  });

  it('shows a placeholder page when the web app is not built', async () => {
    const bare = await startApiGateway({ routes, loadHandler, config, webDir: join(webDir, 'missing') });
    try {
      const res = await fetch(`${bare.url}/leads`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('not built yet');
    } finally {
      await bare.close();
    }
  });
});
