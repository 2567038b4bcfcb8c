// Webhooks end to end through the local runtime as `npm start` runs it: the API, the stream,
// the bus and the delivery consumer. A real delivery is captured by a loopback receiver and
// the signature snippets of docs/webhooks.md (Node, and openssl when present) verify it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventSchema } from '@crm/contract';
import { useApi } from './support/api.ts';
import { signedWith, startReceiver, waitFor } from './support/receiver.ts';

const api = useApi();
const dir = mkdtempSync(join(tmpdir(), 'crm-webhook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const doc = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
const snippet = (lang: string) => [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].find((m) => m[1] === lang)![2]!;
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

/** Runs both snippets on a captured delivery; each answers `valid` or `INVALID`. */
function verifyWithSnippets(secret: string, signature: string, body: string) {
  writeFileSync(join(dir, 'verify.mjs'), snippet('js'));
  writeFileSync(join(dir, 'verify.sh'), snippet('sh'));
  writeFileSync(join(dir, 'body.json'), body);
  const run = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { cwd: dir, env: { ...process.env, SECRET: secret, SIGNATURE: signature }, encoding: 'utf8' }).trim();
    } catch (err) {
      return String((err as { stdout?: string }).stdout ?? '').trim();
    }
  };
  return {
    node: run(process.execPath, ['verify.mjs', secret, signature, 'body.json']),
    openssl: hasOpenssl ? run('bash', ['verify.sh']) : 'skipped',
  };
}

describe('Webhooks through the local bus', () => {
  it('delivers a created lead once, signed as docs/webhooks.md verifies, and logs the delivery', async () => {
    const account = await api.account();
    const receiver = await startReceiver([200]);
    const hook = await account.request('POST', '/api/v1/webhooks', { url: receiver.url, events: ['lead.created', 'lead.won'] });
    expect(hook.status).toBe(201);
    expect(hook.body.secret).toMatch(/^whsec_/);
    // The secret is shown once: never by a read, a list or an event.
    const read = await account.request('GET', `/api/v1/webhooks/${hook.body.id}`);
    expect(JSON.stringify(read.body)).not.toContain(hook.body.secret);
    expect(JSON.stringify((await account.request('GET', '/api/v1/webhooks')).body)).not.toContain(hook.body.secret);

    const lead = await account.request('POST', '/api/v1/leads', { name: 'Webhook lead', price: 10 });
    const got = await waitFor(() => receiver.received.find((r) => JSON.parse(r.body).entity.id === lead.body.id));
    expect(got.headers['x-crm-event']).toBe('lead.created');
    const envelope = eventSchema('lead.created').parse(JSON.parse(got.body));
    expect(got.headers['x-crm-delivery']).toBe(envelope.id);
    const signature = String(got.headers['x-crm-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);

    expect(verifyWithSnippets(hook.body.secret, signature, got.body)).toEqual({ node: 'valid', openssl: hasOpenssl ? 'valid' : 'skipped' });
    expect(verifyWithSnippets(hook.body.secret, signature, got.body.replace('Webhook lead', 'Webhook leaf'))).toEqual({
      node: 'INVALID',
      openssl: hasOpenssl ? 'INVALID' : 'skipped',
    });
    const events = (await account.request('GET', '/api/v1/events?type=webhook.created')).body.items;
    expect(JSON.stringify(events)).not.toContain(hook.body.secret);

    const deliveries = await waitFor(async () => {
      const page = (await account.request('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`)).body;
      return page.items.length && page.items[0].status === 'delivered' ? page.items : undefined;
    });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ eventId: envelope.id, eventType: 'lead.created', attempts: 1, responseCode: 200 });

    // Resend: the same delivery id again, a second attempt in the log.
    const resent = await account.request('POST', `/api/v1/webhooks/${hook.body.id}/deliveries/${envelope.id}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.received.filter((r) => r.headers['x-crm-delivery'] === envelope.id)).toHaveLength(2);

    // Rotation: during the grace period both secrets sign, as two v1 values.
    const rotated = await account.request('POST', `/api/v1/webhooks/${hook.body.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.body.secret);
    expect(rotated.body.previousSecretExpiresAt).not.toBeNull();
    const second = await account.request('POST', '/api/v1/leads', { name: 'After rotation' });
    const after = await waitFor(() => receiver.received.find((r) => JSON.parse(r.body).entity.id === second.body.id));
    const both = String(after.headers['x-crm-signature']);
    expect(both.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(signedWith(rotated.body.secret, both, after.body)).toBe(true);
    expect(signedWith(hook.body.secret, both, after.body)).toBe(true);
    expect(verifyWithSnippets(hook.body.secret, both, after.body).node).toBe('valid');

    // Not subscribed, not sent: a contact made meanwhile reached nobody.
    await account.request('POST', '/api/v1/contacts', { name: 'Nobody hears' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.received.every((r) => JSON.parse(r.body).type.startsWith('lead.'))).toBe(true);
    await receiver.close();
  });

  it('is for admins only, and refuses bad input with a 400 that changes nothing', async () => {
    const admin = await api.account();
    const manager = await api.manager(admin);
    expect((await manager.request('GET', '/api/v1/webhooks')).status).toBe(403);
    expect((await manager.request('POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/h', events: ['lead.created'] })).status).toBe(403);
    for (const body of [
      { url: 'ftp://127.0.0.1/h', events: ['lead.created'] },
      { url: 'http://127.0.0.1:9/h', events: [] },
      { url: 'http://127.0.0.1:9/h', events: ['lead.nope'] },
      { url: 'http://127.0.0.1:9/h', events: ['lead.created', 'lead.created'] },
      { url: 'http://127.0.0.1:9/h', events: ['lead.created'], pipelineId: 'nope' },
    ]) {
      const answer = await admin.request('POST', '/api/v1/webhooks', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await admin.request('GET', '/api/v1/webhooks')).body.items).toEqual([]);
    expect((await admin.request('GET', '/api/v1/webhooks/nope')).status).toBe(404);
  });
});
