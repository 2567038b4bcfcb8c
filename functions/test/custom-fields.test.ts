// Custom fields through HTTP: definitions (admin), and values checked on every lead write
// with field-level errors, normalised, merged on PATCH, required on create and patch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInAs, signupAndLogin, startTestApi, type TestAccount } from '@crm/local/testing';

let api: Awaited<ReturnType<typeof startTestApi>>;
let acme: TestAccount;
let manager: TestAccount['request'];

const field = async (body: Record<string, unknown>) => {
  const res = await acme.request('POST', '/api/v1/custom-fields', { entityType: 'leads', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
};

beforeAll(async () => {
  api = await startTestApi();
  acme = await signupAndLogin(api.apiUrl, { company: 'Acme' });
  const email = `manager-${Date.now()}@example.com`;
  await acme.request('POST', '/api/v1/users', { email, name: 'Mia', role: 'manager', password: 'Test-password-1' });
  const token = await logInAs(email, 'Test-password-1');
  manager = (method, path, body, headers) => acme.request(method, path, body, { ...headers, authorization: `Bearer ${token}` });
});
afterAll(() => api.close());

describe('Resource: custom-fields', () => {
  it('creates, lists by collection, renames and deletes a field; only admins change them', async () => {
    const created = await acme.request('POST', '/api/v1/custom-fields', { entityType: 'contacts', name: 'Birthday', type: 'date' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/custom-fields/${created.body.id}`);
    expect(created.body).toMatchObject({
      entityType: 'contacts',
      name: 'Birthday',
      type: 'date',
      options: [],
      required: false,
      version: 1,
    });

    const contacts = await acme.request('GET', '/api/v1/custom-fields?entityType=contacts');
    expect(contacts.body.items.map((f: { id: string }) => f.id)).toContain(created.body.id);
    const leads = await acme.request('GET', '/api/v1/custom-fields?entityType=leads');
    expect(leads.body.items.map((f: { id: string }) => f.id)).not.toContain(created.body.id);
    expect((await manager('GET', '/api/v1/custom-fields?entityType=contacts')).status).toBe(200);

    expect((await manager('POST', '/api/v1/custom-fields', { entityType: 'leads', name: 'X', type: 'text' })).status).toBe(403);
    expect((await manager('PATCH', `/api/v1/custom-fields/${created.body.id}`, { name: 'Y' })).status).toBe(403);

    const stale = await acme.request('PATCH', `/api/v1/custom-fields/${created.body.id}`, { name: 'Born' }, { 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    const renamed = await acme.request('PATCH', `/api/v1/custom-fields/${created.body.id}`, { name: 'Born' }, { 'if-match': '"1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Born', version: 2 });
    expect(renamed.headers.get('etag')).toBe('"2"');

    expect((await acme.request('DELETE', `/api/v1/custom-fields/${created.body.id}`)).status).toBe(204);
    expect((await acme.request('GET', `/api/v1/custom-fields/${created.body.id}`)).status).toBe(404);

    const events = await acme.request('GET', `/api/v1/events?entityType=custom_field&entityId=${created.body.id}`);
    expect(events.body.items.map((e: { type: string }) => e.type).sort()).toEqual([
      'custom_field.created',
      'custom_field.deleted',
      'custom_field.updated',
    ]);
    const renaming = events.body.items.find((e: { type: string }) => e.type === 'custom_field.updated');
    expect(renaming.changes).toEqual([{ field: 'name', from: 'Birthday', to: 'Born' }]);
  });

  it('rejects bad definitions: options on a text field, none on a select, a repeated option, a type change, a duplicate name', async () => {
    const post = (body: object) => acme.request('POST', '/api/v1/custom-fields', { entityType: 'leads', ...body });
    const textWithOptions = await post({ name: 'Note', type: 'text', options: ['a'] });
    expect(textWithOptions.status).toBe(400);
    expect(textWithOptions.body.errors).toContainEqual(expect.objectContaining({ path: 'options' }));
    expect((await post({ name: 'Size', type: 'select' })).status).toBe(400);
    expect((await post({ name: 'Size', type: 'select', options: ['S', 'S'] })).status).toBe(400);
    expect((await post({ name: 'Size', type: 'colour' })).status).toBe(400);
    expect((await post({ entityType: 'tasks', name: 'Size', type: 'text' })).status).toBe(400);
    const size = await field({ name: 'Shoe size', type: 'number' });
    expect((await acme.request('PATCH', `/api/v1/custom-fields/${size.id}`, { type: 'text' })).status).toBe(400);
    expect((await acme.request('PATCH', `/api/v1/custom-fields/${size.id}`, { options: ['1'] })).status).toBe(400);
    expect((await post({ name: 'shoe SIZE', type: 'text' })).status).toBe(409);
  });

  it('answers 400 with a field-level error per bad value, and changes nothing', async () => {
    const [text, num, select, multi, date, url, box] = await Promise.all([
      field({ name: 'Comment', type: 'text' }),
      field({ name: 'Seats', type: 'number' }),
      field({ name: 'Plan', type: 'select', options: ['Basic', 'Pro'] }),
      field({ name: 'Modules', type: 'multiselect', options: ['CRM', 'Mail', 'Phone'] }),
      field({ name: 'Renewal', type: 'date' }),
      field({ name: 'Site', type: 'url' }),
      field({ name: 'Signed', type: 'checkbox' }),
    ]);
    const unknown = '01UNKNOWNFIELD0000000000000';
    const res = await acme.request('POST', '/api/v1/leads', {
      name: 'Bad values',
      customFields: {
        [text.id]: 5,
        [num.id]: 'many',
        [select.id]: 'Gold',
        [multi.id]: ['CRM', 'Fax'],
        [date.id]: '2026-02-30',
        [url.id]: 'not a url',
        [box.id]: 'yes',
        [unknown]: 'x',
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const byPath = Object.fromEntries(res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(byPath).toEqual({
      [`customFields.${text.id}`]: 'must be text',
      [`customFields.${num.id}`]: 'must be a number',
      [`customFields.${select.id}`]: 'must be one of: Basic, Pro',
      [`customFields.${multi.id}`]: 'must be one of: CRM, Mail, Phone',
      [`customFields.${date.id}`]: 'must be a date (YYYY-MM-DD) or an ISO date-time',
      [`customFields.${url.id}`]: 'must be a web address (http or https)',
      [`customFields.${box.id}`]: 'must be true or false',
      [`customFields.${unknown}`]: 'no such custom field',
    });
    const list = await acme.request('GET', '/api/v1/leads?q=bad%20values');
    expect(list.body.items).toEqual([]);
  });

  it('normalises good values: trimmed text, numeric strings, deduplicated options, UTC date-times, web addresses', async () => {
    const [text, num, multi, date, url, box] = await Promise.all([
      field({ name: 'Remark', type: 'text' }),
      field({ name: 'Licences', type: 'number' }),
      field({ name: 'Channels', type: 'multiselect', options: ['Phone', 'Mail'] }),
      field({ name: 'Kick-off', type: 'date' }),
      field({ name: 'Homepage', type: 'url' }),
      field({ name: 'Paid', type: 'checkbox' }),
    ]);
    const res = await acme.request('POST', '/api/v1/leads', {
      name: 'Good values',
      customFields: {
        [text.id]: '  hello  ',
        [num.id]: '2,5',
        [multi.id]: ['Mail', 'Mail', 'Phone'],
        [date.id]: '2026-11-27T12:00:00+03:00',
        [url.id]: 'example.com/pricing',
        [box.id]: false,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.customFields).toEqual({
      [text.id]: 'hello',
      [num.id]: 2.5,
      [multi.id]: ['Mail', 'Phone'],
      [date.id]: '2026-11-27T09:00:00.000Z',
      [url.id]: 'https://example.com/pricing',
      [box.id]: false,
    });
    const read = await acme.request('GET', `/api/v1/leads/${res.body.id}`);
    expect(read.body.customFields).toEqual(res.body.customFields);
  });

  it('merges a PATCH into the stored values; null and empty text clear one value', async () => {
    const [a, b, c] = await Promise.all([
      field({ name: 'Alpha', type: 'text' }),
      field({ name: 'Beta', type: 'number' }),
      field({ name: 'Gamma', type: 'date' }),
    ]);
    const lead = (
      await acme.request('POST', '/api/v1/leads', { name: 'Merge', customFields: { [a.id]: 'one', [b.id]: 1, [c.id]: '2026-01-01' } })
    ).body;
    const patched = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { customFields: { [b.id]: 2, [c.id]: null } });
    expect(patched.status).toBe(200);
    expect(patched.body.customFields).toEqual({ [a.id]: 'one', [b.id]: 2 });
    const cleared = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { customFields: { [a.id]: '   ' } });
    expect(cleared.body.customFields).toEqual({ [b.id]: 2 });
    const events = await acme.request('GET', `/api/v1/events?entityType=lead&entityId=${lead.id}&type=lead.updated`);
    expect(events.body.items.some((e: { changes: Array<{ field: string }> }) => e.changes.some((ch) => ch.field === 'customFields'))).toBe(
      true,
    );
  });

  it('validates against a field created a moment before, in the very next request', async () => {
    const fresh = await field({ name: `Fresh ${Date.now()}`, type: 'number' });
    const res = await acme.request('POST', '/api/v1/leads', { name: 'Fresh', customFields: { [fresh.id]: 'abc' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: `customFields.${fresh.id}`, message: 'must be a number' }]);
  });

  it('requires required fields on create and keeps them from being cleared; older records can still move', async () => {
    const older = (await acme.request('POST', '/api/v1/leads', { name: 'Before the rule' })).body;
    const budget = await field({ name: 'Budget approved', type: 'checkbox', required: true });
    const source = await field({ name: 'Channel', type: 'select', options: ['Web', 'Call'], required: true });

    const missing = await acme.request('POST', '/api/v1/leads', { name: 'No required', customFields: { [budget.id]: true } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: `customFields.${source.id}`, message: 'Channel is required' }]);

    const ok = await acme.request('POST', '/api/v1/leads', {
      name: 'With required',
      customFields: { [budget.id]: false, [source.id]: 'Web' },
    });
    expect(ok.status).toBe(201);
    const cleared = await acme.request('PATCH', `/api/v1/leads/${ok.body.id}`, { customFields: { [source.id]: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors).toEqual([{ path: `customFields.${source.id}`, message: 'Channel is required' }]);
    expect((await acme.request('GET', `/api/v1/leads/${ok.body.id}`)).body.customFields[source.id]).toBe('Web');
    expect((await acme.request('PATCH', `/api/v1/leads/${ok.body.id}`, { customFields: { [source.id]: 'Call' } })).status).toBe(200);

    // A lead made before the fields were required is not blocked from unrelated changes.
    expect((await acme.request('PATCH', `/api/v1/leads/${older.id}`, { price: 10 })).status).toBe(200);
    // Made optional again, the field may be left out.
    await acme.request('PATCH', `/api/v1/custom-fields/${budget.id}`, { required: false });
    await acme.request('PATCH', `/api/v1/custom-fields/${source.id}`, { required: false });
    expect((await acme.request('POST', '/api/v1/leads', { name: 'Optional again' })).status).toBe(201);
  });

  it('keeps a carried value whose option was removed, and drops the value of a deleted field on the next write', async () => {
    const tier = await field({ name: 'Tier', type: 'select', options: ['Gold', 'Silver'] });
    const extra = await field({ name: 'Extra', type: 'text' });
    const lead = (await acme.request('POST', '/api/v1/leads', { name: 'Carry', customFields: { [tier.id]: 'Gold', [extra.id]: 'x' } }))
      .body;
    await acme.request('PATCH', `/api/v1/custom-fields/${tier.id}`, { options: ['Silver', 'Bronze'] });
    await acme.request('DELETE', `/api/v1/custom-fields/${extra.id}`);

    const kept = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { name: 'Carry on', customFields: {} });
    expect(kept.status).toBe(200);
    expect(kept.body.customFields).toEqual({ [tier.id]: 'Gold' });
    const refused = await acme.request('PATCH', `/api/v1/leads/${lead.id}`, { customFields: { [tier.id]: 'Platinum' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toEqual({ path: `customFields.${tier.id}`, message: 'must be one of: Silver, Bronze' });
  });

  it("checks contact and company values against their own collection's fields", async () => {
    const birth = await field({ entityType: 'contacts', name: 'Birth date', type: 'date', required: true });
    const staff = await field({ entityType: 'companies', name: 'Employees', type: 'number' });
    const leadOnly = await field({ name: 'Lead only', type: 'text' });

    const bad = await acme.request('POST', '/api/v1/contacts', {
      name: 'Wrong',
      customFields: { [birth.id]: '1990-02-30', [leadOnly.id]: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { path: `customFields.${birth.id}`, message: 'must be a date (YYYY-MM-DD) or an ISO date-time' },
        { path: `customFields.${leadOnly.id}`, message: 'no such custom field' },
      ]),
    );
    const missing = await acme.request('POST', '/api/v1/contacts', { name: 'Missing' });
    expect(missing.body.errors).toEqual([{ path: `customFields.${birth.id}`, message: 'Birth date is required' }]);
    const contact = await acme.request('POST', '/api/v1/contacts', { name: 'Right', customFields: { [birth.id]: '1990-02-28' } });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    expect(contact.body.customFields).toEqual({ [birth.id]: '1990-02-28' });
    expect((await acme.request('PATCH', `/api/v1/contacts/${contact.body.id}`, { customFields: { [birth.id]: null } })).status).toBe(400);

    const company = await acme.request('POST', '/api/v1/companies', { name: 'Staffed', customFields: { [staff.id]: ' 120 ' } });
    expect(company.body.customFields).toEqual({ [staff.id]: 120 });
    const wrong = await acme.request('PATCH', `/api/v1/companies/${company.body.id}`, { customFields: { [staff.id]: 'many' } });
    expect(wrong.body.errors).toEqual([{ path: `customFields.${staff.id}`, message: 'must be a number' }]);
  });
});
