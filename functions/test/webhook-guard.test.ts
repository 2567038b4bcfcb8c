// The webhook URL guard as it runs in AWS (no loopback switch): private, loopback, link-local,
// CGNAT, unique-local and metadata addresses are refused at save time and again at delivery
// time after DNS. DNS is stubbed; a refused address is never connected to (the check comes first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedReason, deliverEvent, deliverSignedPost, webhookNetwork, type ResolvedAddress } from '@crm/core';
import { useApi } from './support/api.ts';

const api = useApi();
const dns: Record<string, string[]> = {
  'loopback.example': ['127.0.0.1'],
  'private.example': ['10.20.30.40'],
  'metadata.example': ['169.254.169.254'],
  'v6loopback.example': ['::1'],
  'mixed.example': ['93.184.216.34', '10.0.0.1'],
  'public.example': ['93.184.216.34'],
};
const realLookup = webhookNetwork.lookup;
beforeAll(() => {
  webhookNetwork.loopbackOverride = false; // as in AWS
  webhookNetwork.lookup = async (host: string): Promise<ResolvedAddress[]> => {
    const answers = dns[host];
    if (!answers) throw new Error(`ENOTFOUND ${host}`);
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
});
afterAll(() => {
  webhookNetwork.lookup = realLookup;
  webhookNetwork.loopbackOverride = undefined;
});

const refused = [
  'https://127.0.0.1/hook',
  'https://10.1.2.3/hook',
  'https://169.254.169.254/latest/meta-data/',
  'https://[::1]/hook',
  'https://[fd00:ec2::254]/latest',
  'https://100.64.0.1/hook',
  'https://[::ffff:10.0.0.1]/hook',
  'https://loopback.example/hook',
  'https://private.example/hook',
  'https://metadata.example/hook',
  'https://v6loopback.example/hook',
  'https://mixed.example/hook',
  'https://nowhere.example/hook',
  'http://public.example/hook',
];

describe('Webhook URL guard (as in AWS)', () => {
  it.each(refused)('refuses %s at save time with a 400 on url', async (url) => {
    const account = await api.account();
    const answer = await account.request('POST', '/api/v1/webhooks', { url, events: ['lead.won'] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'url' })]);
  });

  it.each(refused)('refuses %s at delivery time without connecting', async (url) => {
    const outcome = await deliverSignedPost({ url, body: '{}', secrets: ['s'] });
    expect(outcome).toMatchObject({ ok: false, responseCode: null });
    expect(outcome.error).toMatch(/^Refused: the URL /);
  });

  it('refuses at delivery a name that resolved to a public address when saved and to a private one now (rebinding)', async () => {
    const account = await api.account();
    const hook = await account.request('POST', '/api/v1/webhooks', { url: 'https://public.example/hook', events: ['lead.won'] });
    expect(hook.status).toBe(201);
    dns['public.example'] = ['127.0.0.1'];
    try {
      const sent: string[] = [];
      const runtime = {
        now: Date.now,
        random: Math.random,
        schedule: async () => {},
        post: async (post: Parameters<typeof deliverSignedPost>[0]) => {
          const outcome = await deliverSignedPost(post);
          sent.push(outcome.error ?? 'sent');
          return outcome;
        },
      };
      const event = {
        id: `evt-rebind-${Date.now()}`,
        type: 'lead.won' as const,
        accountId: account.accountId,
        occurredAt: new Date().toISOString(),
        actor: { type: 'user' as const, id: account.userId },
        entity: { type: 'lead' as const, id: 'l1' },
        data: {},
      };
      await deliverEvent(event, runtime);
      expect(sent).toEqual(['Refused: the URL points at 127.0.0.1, which is a loopback address']);
      const [delivery] = (await account.request('GET', `/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, responseCode: null });
      expect(delivery.lastError).toMatch(/loopback/);
    } finally {
      dns['public.example'] = ['93.184.216.34'];
    }
  });

  it('judges addresses by their range (table)', () => {
    const cases: Array<[string, boolean, string | null]> = [
      ['8.8.8.8', false, null],
      ['2606:4700::1', false, null],
      ['127.0.0.1', false, 'is a loopback address'],
      ['127.0.0.1', true, null],
      ['::1', true, null],
      ['10.0.0.1', true, 'is a private address'],
      ['172.16.5.4', false, 'is a private address'],
      ['192.168.0.1', false, 'is a private address'],
      ['169.254.169.254', true, 'is the cloud metadata address'],
      ['fd00:ec2::254', true, 'is the cloud metadata address'],
      ['169.254.1.1', false, 'is a linkLocal address'],
      ['fe80::1', false, 'is a linkLocal address'],
      ['100.64.0.1', false, 'is a carrierGradeNat address'],
      ['fc00::1', false, 'is a uniqueLocal address'],
      ['0.0.0.0', false, 'is a unspecified address'],
      ['::ffff:127.0.0.1', false, 'is a loopback address'],
    ];
    for (const [address, allowLoopback, reason] of cases)
      expect([address, blockedReason(address, allowLoopback)]).toEqual([address, reason]);
  });
});
