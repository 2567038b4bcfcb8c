// Input that JSON allows but that could not be stored or read back as written (issue 9, items
// 14 and 15): each is a 400 naming the field, or is kept in the one form that round-trips.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '@crm/local/testing';
import { created, useApi } from './support/api.ts';

const api = useApi();
let admin: TestAccount;
let numberField: string;
let textField: string;

beforeAll(async () => {
  admin = await api.account();
  numberField = (await created(admin, '/api/v1/custom-fields', { entityType: 'leads', name: 'Area', type: 'number' })).id;
  textField = (await created(admin, '/api/v1/custom-fields', { entityType: 'leads', name: 'Remark', type: 'text' })).id;
});

/** Sends the body as written, so that keys such as `__proto__` and lone surrogates go out unchanged. */
const send = (method: string, path: string, json: string) => admin.request(method, path, json, { 'content-type': 'application/json' });

const expectRefused = (res: { status: number; body: { errors?: { path: string }[] } }, path: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.errors?.map((e) => e.path)).toContain(path);
};

describe('Numbers outside what DynamoDB keeps (item 14)', () => {
  it('refuses a price or a custom number too close to zero with a 400 on the field', async () => {
    expectRefused(await admin.request('POST', '/api/v1/leads', { name: 'Tiny', price: 1e-131 }), 'price');
    expectRefused(await admin.request('POST', '/api/v1/leads', { name: 'Tiny', price: 5e-324 }), 'price');
    const field = `customFields.${numberField}`;
    expectRefused(await admin.request('POST', '/api/v1/leads', { name: 'Tiny', customFields: { [numberField]: 1e-200 } }), field);
    const tinyText = `0,${'0'.repeat(200)}1`;
    expectRefused(await admin.request('POST', '/api/v1/leads', { name: 'Tiny', customFields: { [numberField]: tinyText } }), field);
    const lead = await created(admin, '/api/v1/leads', { name: 'Fine' });
    expectRefused(await admin.request('PATCH', `/api/v1/leads/${lead.id}`, { price: 1e-131 }), 'price');
    expectRefused(await admin.request('PATCH', `/api/v1/leads/${lead.id}`, { customFields: { [numberField]: -1e-200 } }), field);
    expect((await admin.request('GET', `/api/v1/leads/${lead.id}`)).body.version).toBe(1);
  });

  it('keeps money to millionths and small custom numbers as they are', async () => {
    const lead = await created(admin, '/api/v1/leads', { name: 'Float', price: 0.1 + 0.2, customFields: { [numberField]: 1e-130 } });
    expect(lead.price).toBe(0.3);
    expect(lead.customFields[numberField]).toBe(1e-130);
    expect((await created(admin, '/api/v1/leads', { name: 'Cents', price: 1234.56 })).price).toBe(1234.56);
  });

  it('says the range in the OpenAPI document', async () => {
    const doc = (await admin.request('GET', '/api/v1/openapi.json')).body;
    const price = doc.paths['/api/v1/leads'].post.requestBody.content['application/json'].schema.properties.price;
    expect(price).toMatchObject({ type: 'number', minimum: 0, maximum: 1e13 });
    expect(price.description).toMatch(/six decimal places/);
  });
});

describe('Keys a record would drop (item 15)', () => {
  it('refuses __proto__, constructor and prototype as custom-field ids like any unknown id', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      expectRefused(await send('POST', '/api/v1/leads', `{"name":"Proto","customFields":{"${key}":"x"}}`), `customFields.${key}`);
    }
    const lead = await created(admin, '/api/v1/leads', { name: 'Proto' });
    const protoPatch = '{"customFields":{"__proto__":{"required":true}}}';
    expectRefused(await send('PATCH', `/api/v1/leads/${lead.id}`, protoPatch), 'customFields.__proto__');
    expectRefused(await send('POST', '/api/v1/contacts', '{"name":"Proto","customFields":{"__proto__":"x"}}'), 'customFields.__proto__');
  });
});

describe('Text that cannot round-trip (item 15)', () => {
  it('refuses NUL, other control characters and lone surrogates in names, texts and tags', async () => {
    const cases: [string, string, string][] = [
      ['/api/v1/leads', '{"name":"A\\u0000B"}', 'name'],
      ['/api/v1/leads', '{"name":"A\\u0007B"}', 'name'],
      ['/api/v1/leads', '{"name":"Two\\nlines"}', 'name'],
      ['/api/v1/leads', '{"name":"Half \\ud83d pair"}', 'name'],
      ['/api/v1/leads', '{"name":"Tagged","tags":["ok","\\ud800"]}', 'tags.1'],
      ['/api/v1/leads', '{"name":"Lost","lossReason":"x\\u0000"}', 'lossReason'],
      ['/api/v1/leads', `{"name":"Remark","customFields":{"${textField}":"a\\u0000b"}}`, `customFields.${textField}`],
      ['/api/v1/contacts', '{"name":"Phone","phones":[{"value":"+7 916\\u0000","type":"work"}]}', 'phones.0.value'],
      ['/api/v1/companies', '{"name":"Site","website":"example.com\\u001b"}', 'website'],
      ['/api/v1/tasks', '{"text":"Call\\u0000","dueAt":"2030-01-01T09:00:00.000Z"}', 'text'],
      ['/api/v1/custom-fields', '{"entityType":"leads","name":"Pick","type":"select","options":["a\\udfff"]}', 'options.0'],
    ];
    for (const [path, body, field] of cases) expectRefused(await send('POST', path, body), field);
  });

  it('refuses names and tags that are empty once invisible characters are taken away', async () => {
    expectRefused(await send('POST', '/api/v1/leads', '{"name":"\\u200b\\u200c\\u200d"}'), 'name');
    expectRefused(await send('POST', '/api/v1/contacts', '{"name":"\\u2060\\ufeff"}'), 'name');
    expectRefused(await send('POST', '/api/v1/leads', '{"name":"Tagged","tags":["\\u200b"]}'), 'tags.0');
    expectRefused(await send('POST', '/api/v1/pipelines', '{"name":"P","stages":[{"name":"\\u00ad"}]}'), 'stages.0.name');
  });

  it('keeps tabs and line breaks where text is multi-line', async () => {
    const lead = await created(admin, '/api/v1/leads', { name: 'Noted' });
    const note = await created(admin, `/api/v1/leads/${lead.id}/notes`, { text: 'Called:\n\tno answer\r\nretry' });
    expect(note.text).toBe('Called:\n\tno answer\r\nretry');
  });

  it('stores text in NFC, so that a tag is found however its accents were typed', async () => {
    const decomposed = 'Cafe\u0301';
    const lead = await created(admin, '/api/v1/leads', { name: decomposed, tags: [`vip-${decomposed}`] });
    expect(lead.name).toBe('Caf\u00e9');
    expect(lead.tags).toEqual(['vip-Caf\u00e9']);
    for (const tag of ['vip-Caf\u00e9', `vip-${decomposed}`]) {
      const found = await admin.request('GET', `/api/v1/leads?tag=${encodeURIComponent(tag)}`);
      expect(found.body.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    }
    const tags = await admin.request('GET', '/api/v1/tags?entityType=leads');
    expect(tags.body.items.map((t: { tag: string }) => t.tag)).toContain('vip-Caf\u00e9');
  });
});
