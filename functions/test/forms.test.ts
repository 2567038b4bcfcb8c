// Web forms (issue 13): an admin's form with a public key; a visitor's post is a 202 and an
// incoming request with the page and UTM marks; a bot's post (honeypot, under 2 s) is dropped
// with the same 202; the per-form and per-address limits answer 429 with Retry-After; another
// account's form, key and requests stay out of reach.
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_SOURCE_IP_HEADER } from '@crm/local/testing';
import { useApi, type CrmUser } from './support/api.ts';

const api = useApi();
let admin: CrmUser;
let other: CrmUser;

beforeAll(async () => {
  admin = await api.account('Forms LLC');
  other = await api.account('Other forms LLC');
});

let address = 0;
/** Each test posts from addresses of its own (TEST-NET-2), so that the per-address limit is its own. */
const nextAddress = () => `198.51.100.${++address}`;

async function post(formKey: string, body: Record<string, unknown>, from = nextAddress()) {
  const res = await fetch(`${api.apiUrl}/api/v1/inbound/forms/${formKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TEST_SOURCE_IP_HEADER]: from },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const phone = () => `+7 913 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
const person = (extra: Record<string, unknown> = {}) => ({ name: 'Anna', phone: phone(), _fill_ms: 4000, ...extra });
const requestsOf = async (user: CrmUser) => (await user.client.incoming.list({ limit: 250 })).items.filter((i) => i.source === 'form');

describe('Web forms', () => {
  it('creates a form with a key; a post lands as an incoming request with its page, UTM marks and the form target', async () => {
    const pipeline = (await admin.client.pipelines.list({})).items[0]!;
    const created = await admin.answer.forms.create({ name: 'Contact us', pipelineId: pipeline.id, stageId: pipeline.stages[1]!.id });
    if (!created.ok) throw new Error(created.problem.detail);
    expect(created.status).toBe(201);
    const form = created.body;
    expect(form.formKey).toMatch(/^[\w-]{20,}$/);
    expect(form.fields.map((f) => f.key)).toEqual(['name', 'phone', 'email', 'message']);

    const sent: Record<string, unknown> = person({
      message: 'Need a quote',
      pageUrl: 'https://shop.example/contacts?utm_source=ads',
      utm_source: 'ads',
      utm_campaign: 'spring',
    });
    const answer = await post(form.formKey, sent);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ received: true, thankYou: form.thankYou });
    const [request] = await requestsOf(admin);
    expect(request).toMatchObject({
      status: 'new',
      name: 'Anna',
      phone: sent.phone,
      message: 'Need a quote',
      pipelineId: pipeline.id,
      stageId: pipeline.stages[1]!.id,
      meta: { formId: form.id, formName: 'Contact us', pageUrl: sent.pageUrl, utm: { utm_source: 'ads', utm_campaign: 'spring' } },
    });
    const lead = await admin.client.incoming.accept({ id: request!.id }, {});
    expect(lead).toMatchObject({ pipelineId: pipeline.id, stageId: pipeline.stages[1]!.id, source: 'form: Contact us' });

    // The public side shows the fields and the hosted page, by the key only.
    const page = await fetch(`${api.apiUrl}/api/v1/inbound/forms/${form.formKey}/page`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain(`/api/v1/inbound/forms/${form.formKey}`);
  });

  it('drops a bot post (honeypot filled, or sent in under 2 s, or without the fill time) with the same 202', async () => {
    const { formKey } = await admin.client.forms.create({ name: 'Bots welcome' });
    const before = (await requestsOf(admin)).length;
    for (const bot of [person({ _hp: 'http://spam.example' }), person({ _fill_ms: 800 }), person({ _fill_ms: undefined })]) {
      const answer = await post(formKey, bot);
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ received: true, thankYou: expect.any(String) });
    }
    expect(await requestsOf(admin)).toHaveLength(before);
    expect((await post(formKey, person())).status).toBe(202);
    expect(await requestsOf(admin)).toHaveLength(before + 1);
  });

  it('answers 400 for a missing required field and takes nothing', async () => {
    const { formKey } = await admin.client.forms.create({ name: 'Strict' });
    const before = (await requestsOf(admin)).length;
    const answer = await post(formKey, { name: 'No phone', _fill_ms: 5000 });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
    expect((await post(formKey, person({ email: 'not-an-address' }))).status).toBe(400);
    expect(await requestsOf(admin)).toHaveLength(before);
  });

  it('limits posts per form and per source address with 429 and Retry-After', async () => {
    const { formKey, id } = await admin.client.forms.create({ name: 'Limited', rateLimit: 3 });
    // Per address: at most 3 here (the form's limit is lower than 5 a minute).
    const from = nextAddress();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(formKey, person(), from)).status);
    // Per form: the fourth post was refused by the address's limit, so another address meets the form's.
    const fromElsewhere = await post(formKey, person());
    // Both limits count within one minute; a post at a minute's turn may start a new window.
    const crossed = new Date().getUTCSeconds() < 2;
    if (!crossed) {
      expect(statuses).toEqual([202, 202, 202, 429]);
      expect(fromElsewhere.status).toBe(429);
      expect(Number(fromElsewhere.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // A bigger limit lets more in; the per-address cap of 5 a minute stays.
    await admin.client.forms.patch({ id }, { rateLimit: 100 });
    const next = nextAddress();
    const more = [];
    for (let i = 0; i < 6; i++) more.push((await post(formKey, person(), next)).status);
    if (new Date().getUTCSeconds() >= 2) expect(more.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });

  it('gives round-robin turns, and a deleted or another account’s form is out of reach', async () => {
    const manager = await api.manager(admin);
    const form = await admin.client.forms.create({
      name: 'Turns',
      responsible: { type: 'round_robin', userIds: [admin.userId, manager.userId] },
    });
    await post(form.formKey, person());
    await post(form.formKey, person());
    const mine = (await requestsOf(admin)).filter((r) => r.meta.formId === form.id);
    expect(new Set(mine.map((r) => r.responsibleUserId))).toEqual(new Set([admin.userId, manager.userId]));

    // Only admins manage forms; another account sees none of this one's.
    expect((await manager.answer.forms.list({})).status).toBe(403);
    expect((await other.answer.forms.get({ id: form.id })).status).toBe(404);
    expect((await other.answer.forms.patch({ id: form.id }, { name: 'Mine' })).status).toBe(404);
    expect((await other.client.incoming.list({})).items).toHaveLength(0);
    const bad = await admin.answer.forms.create({ name: 'Elsewhere', pipelineId: (await other.client.pipelines.list({})).items[0]!.id });
    expect(bad.status).toBe(400);

    await admin.client.forms.delete({ id: form.id });
    expect((await post(form.formKey, person())).status).toBe(404);
    expect((await post('no-such-key', person())).status).toBe(404);
  });
});
