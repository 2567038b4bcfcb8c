// API keys (issue 12): a key acts as actor `integration` with exactly its scopes, is revoked
// at once, is rate limited, and never shows again after the answer that created it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmEvent } from '@crm/contract';
import { useApi, walkIds, type CrmUser } from './support/api.ts';
import { clientsOf } from './support/api.ts';

const api = useApi();
let admin: CrmUser;

// Everything the in-process API and its logger print while this file runs, to scan for keys.
const captured: string[] = [];
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
beforeAll(async () => {
  const tap = (original: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = tap(writes.out);
  process.stderr.write = tap(writes.err);
  admin = await api.account();
});
afterAll(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
});

const asKey = (key: string) => clientsOf(api.apiUrl, key);

describe('API keys', () => {
  it('lists leads with leads:read, gets 403 on a write, 401 once revoked; the key is seen nowhere after its creation', async () => {
    // Prepare
    const lead = await admin.client.leads.create({ name: 'Seen by the integration' });
    const created = await admin.answer.apiKeys.create({ name: 'Reporting', scopes: ['leads:read'] });
    if (!created.ok) throw new Error(created.problem.detail);
    expect(created.status).toBe(201);
    const { key, id } = created.body;
    expect(key).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    const integration = asKey(key);

    // Act + Assess: reads within the scope
    const leads = await integration.client.leads.list({});
    expect(leads.items.map((l) => l.id)).toContain(lead.id);
    expect((await integration.answer.leads.get({ id: lead.id })).status).toBe(200);
    // ...and nothing beyond it
    expect((await integration.answer.leads.create({ name: 'Not allowed' })).status).toBe(403);
    expect((await integration.answer.leads.patch({ id: lead.id }, { price: 5 })).status).toBe(403);
    expect((await integration.answer.contacts.list({})).status).toBe(403);
    expect((await integration.answer.apiKeys.list({})).status).toBe(403);
    expect((await integration.answer.me()).status).toBe(403);

    const listed = await admin.client.apiKeys.list({});
    const shown = listed.items.find((k) => k.id === id)!;
    expect(shown).toMatchObject({ name: 'Reporting', scopes: ['leads:read'], hint: key.slice(-4), expiresAt: null });
    expect(shown.lastUsedAt).not.toBeNull();
    expect(shown).not.toHaveProperty('key');

    // Revoked: the very next request is a 401
    expect((await admin.answer.apiKeys.delete({ id })).status).toBe(204);
    const after = await integration.answer.leads.list({});
    expect(after.status).toBe(401);
    expect(!after.ok && after.problem.detail).toMatch(/revoked/);
    expect((await admin.answer.apiKeys.delete({ id })).status).toBe(404);

    // The key appears in no answer, event or log line after the one that created it
    const events = await admin.client.events.list({ limit: 250 });
    const everything = JSON.stringify([listed, events, await admin.client.leads.list({})]) + captured.join('');
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(key.slice(4));
  });

  it('acts as actor integration in the event log, with its creator as the default responsible', async () => {
    const { key, id } = await admin.client.apiKeys.create({ name: 'Site', scopes: ['leads:read', 'leads:write'] });
    const lead = await asKey(key).client.leads.create({ name: 'From the site' });
    expect(lead.responsibleUserId).toBe(admin.userId);
    const events = await admin.client.events.list({ entityType: 'lead', entityId: lead.id });
    const created = events.items.find((e: CrmEvent) => e.type === 'lead.created')!;
    expect(created.actor).toEqual({ type: 'integration', id });
    expect(await walkIds((p) => admin.client.events.list({ ...p, actorId: id }))).toContain(created.id);
  });

  it('refuses an unknown or expired key with 401, and bad input with 400', async () => {
    expect((await asKey(`crm_${'A'.repeat(43)}`).answer.leads.list({})).status).toBe(401);
    const soon = new Date(Date.now() + 1500).toISOString();
    const { key } = await admin.client.apiKeys.create({ name: 'Short', scopes: ['leads:read'], expiresAt: soon });
    expect((await asKey(key).answer.leads.list({})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await asKey(key).answer.leads.list({})).status).toBe(401);

    for (const body of [
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['leads:admin'] },
      { name: 'x', scopes: ['leads:read', 'leads:read'] },
      { name: 'x', scopes: ['leads:read'], expiresAt: '2020-01-01T00:00:00.000Z' },
      { name: '', scopes: ['leads:read'] },
    ]) {
      expect((await admin.answer.apiKeys.create(body as never)).status).toBe(400);
    }
  });

  it('lets only an admin manage keys', async () => {
    const manager = await api.manager(admin);
    expect((await manager.answer.apiKeys.create({ name: 'Mine', scopes: ['leads:read'] })).status).toBe(403);
    expect((await manager.answer.apiKeys.list({})).status).toBe(403);
  });

  it('throttles a key past its per-minute limit with 429 and Retry-After', async () => {
    process.env.CRM_API_KEY_RATE_LIMIT = '3';
    try {
      const { key } = await admin.client.apiKeys.create({ name: 'Busy', scopes: ['leads:read'] });
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await asKey(key).answer.leads.list({});
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      // Three fit in a minute; a minute boundary in the middle lets one more through.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      delete process.env.CRM_API_KEY_RATE_LIMIT;
    }
  });
});
