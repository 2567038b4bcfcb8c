// Telephony and SMS widgets end to end through the local runtime: loopback receivers speak
// Asterisk ARI and Twilio's Messages API; the CRM calls them from a card, and their reports
// (the PBX's call report, the gateway's signed status callback) land on the timeline.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { twilioSignature } from '../widgets/sms/handler.ts';
import { useApi } from './support/api.ts';
import { waitFor } from './support/receiver.ts';

const api = useApi();

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback service that records requests and answers each with `reply`. */
async function fakeService(reply: (seen: Seen) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(s);
      const { status, body } = reply(s);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const closer = () => new Promise<void>((r) => server.close(() => r()));
  afterAll(closer);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('SMS widget (Twilio Messages API)', () => {
  it('sends from a contact card, and the signed delivery report lands on the timeline; secrets are never answered', async () => {
    const account = await api.account();
    const gateway = await fakeService((s) =>
      s.headers.authorization === basic('AC123', 'tok-secret')
        ? { status: 201, body: { sid: 'SM0001', status: 'queued' } }
        : { status: 401, body: { message: 'Authenticate' } },
    );
    // Bad settings are a 400 and nothing is saved.
    const bad = await account.request('PUT', '/api/v1/widgets/sms', { enabled: true, settings: { apiUrl: 'not a url' } });
    expect(bad.status).toBe(400);
    expect((await account.request('GET', '/api/v1/widgets')).body.items.find((w: { name: string }) => w.name === 'sms').version).toBe(0);

    const saved = await account.request('PUT', '/api/v1/widgets/sms', {
      enabled: true,
      settings: { apiUrl: gateway.base, accountSid: 'AC123', authToken: 'tok-secret', from: '+15550001111' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.secretsSet).toEqual(['authToken']);
    expect(JSON.stringify(saved.body)).not.toContain('tok-secret');
    const listed = await account.request('GET', '/api/v1/widgets');
    expect(JSON.stringify(listed.body)).not.toContain('tok-secret');
    // A save without the secret keeps it.
    const again = await account.request('PUT', '/api/v1/widgets/sms', {
      enabled: true,
      settings: { apiUrl: gateway.base, accountSid: 'AC123', from: '+15550001111' },
    });
    expect(again.body.secretsSet).toEqual(['authToken']);

    const contact = await account.request('POST', '/api/v1/contacts', { name: 'Anna Smirnova', phones: [{ value: '+7 913 111-22-33' }] });
    const sent = await account.request('POST', '/api/v1/widgets/sms/actions/send', {
      entity: { type: 'contact', id: contact.body.id },
      input: { phone: '+79131112233', text: 'Your order is ready' },
    });
    expect(sent.status).toBe(202);
    expect(sent.body.result).toMatchObject({ messageId: 'SM0001', status: 'queued' });
    const message = new URLSearchParams(gateway.seen[0]!.body);
    expect(gateway.seen[0]!.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(gateway.seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(message.get('To')).toBe('+79131112233');
    expect(message.get('Body')).toBe('Your order is ready');
    const callback = message.get('StatusCallback')!;
    expect(callback).toContain(`/api/v1/inbound/sms/${saved.body.inboundKey}/contact-${contact.body.id}`);

    // The gateway reports delivery, signed with the auth token; a forged report is refused.
    const report = new URLSearchParams({ MessageSid: 'SM0001', MessageStatus: 'delivered', To: '+79131112233', AccountSid: 'AC123' });
    const post = (signature: string) =>
      fetch(callback, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: report,
      });
    expect((await post('forged')).status).toBe(403);
    expect((await post(twilioSignature('tok-secret', callback, report))).status).toBe(200);

    const timeline = await waitFor(async () => {
      const t = await account.request('GET', `/api/v1/contacts/${contact.body.id}/timeline`);
      const items = t.body.items as Array<{
        kind: string;
        note?: { type: string; text: string };
        event?: { type: string; data: { sms: { status: string } } };
      }>;
      const note = items.find((i) => i.note?.type === 'sms');
      const status = items.find((i) => i.event?.type === 'sms.status_changed');
      return note && status ? { note, status } : undefined;
    });
    expect(timeline.note.note!.text).toContain('Your order is ready');
    expect(timeline.status.event!.data.sms.status).toBe('delivered');
  });

  it('tells a gateway refusal as a 502 and adds no note', async () => {
    const account = await api.account();
    const gateway = await fakeService(() => ({ status: 400, body: { message: 'The To number is not valid' } }));
    await account.request('PUT', '/api/v1/widgets/sms', {
      enabled: true,
      settings: { apiUrl: gateway.base, accountSid: 'AC9', authToken: 't', from: '+15550001111' },
    });
    const contact = await account.request('POST', '/api/v1/contacts', { name: 'Boris' });
    const sent = await account.request('POST', '/api/v1/widgets/sms/actions/send', {
      entity: { type: 'contact', id: contact.body.id },
      input: { phone: '+100', text: 'hi' },
    });
    expect(sent.status).toBe(502);
    const notes = await account.request('GET', `/api/v1/contacts/${contact.body.id}/notes`);
    expect(notes.body.items).toEqual([]);
  });
});

describe('Telephony widget (Asterisk ARI, the contract call report)', () => {
  it('calls from a card through ARI, and the PBX report of a known number becomes a call note on the open lead', async () => {
    const account = await api.account();
    const pbx = await fakeService((s) =>
      s.headers.authorization === basic('crm', 'ari-pass')
        ? { status: 200, body: { id: 'chan-1', state: 'Down' } }
        : { status: 401, body: {} },
    );
    const saved = await account.request('PUT', '/api/v1/widgets/calls', {
      enabled: true,
      settings: { ariUrl: pbx.base, ariUser: 'crm', ariPassword: 'ari-pass', operatorEndpoint: 'PJSIP/101', context: 'sales' },
    });
    expect(saved.status).toBe(200);
    const contact = await account.request('POST', '/api/v1/contacts', { name: 'Ivan Petrov', phones: [{ value: '+7 916 555-44-33' }] });
    const lead = await account.request('POST', '/api/v1/leads', { name: 'Kitchen', price: 100, contactIds: [contact.body.id] });

    const call = await account.request('POST', '/api/v1/widgets/calls/actions/call', {
      entity: { type: 'contact', id: contact.body.id },
      input: { phone: '+7 916 555-44-33' },
    });
    expect(call.status).toBe(202);
    expect(call.body.result).toEqual({ channelId: 'chan-1', state: 'Down' });
    const originate = new URL(pbx.seen[0]!.url, pbx.base);
    expect(pbx.seen[0]!.method).toBe('POST');
    expect(originate.pathname).toBe('/ari/channels');
    expect(originate.searchParams.get('endpoint')).toBe('PJSIP/101');
    expect(originate.searchParams.get('extension')).toBe('79165554433');
    expect(originate.searchParams.get('context')).toBe('sales');

    // The PBX reports the call (public, the account's call key): a note on the contact's open lead.
    const unknownKey = await fetch(`${api.apiUrl}/api/v1/inbound/calls/nope`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+79165554433', to: '100', direction: 'in', durationSec: 5 }),
    });
    expect(unknownKey.status).toBe(404);
    const reported = await fetch(`${api.apiUrl}/api/v1/inbound/calls/${saved.body.inboundKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        from: '+7 916 555-44-33',
        to: '101',
        direction: 'in',
        durationSec: 125,
        recordingUrl: 'https://pbx.example.com/rec/1.wav',
      }),
    });
    const answer = (await reported.json()) as { result: string; id: string };
    expect(reported.status).toBe(202);
    expect(answer.result).toBe('note');
    const notes = await account.request('GET', `/api/v1/leads/${lead.body.id}/notes`);
    expect(notes.body.items[0]).toMatchObject({ type: 'call_in', id: answer.id });
    expect(notes.body.items[0].text).toContain('2:05');
    expect(notes.body.items[0].text).toContain('https://pbx.example.com/rec/1.wav');

    // An unknown number becomes an incoming request.
    const stranger = await fetch(`${api.apiUrl}/api/v1/inbound/calls/${saved.body.inboundKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+7 903 000-00-01', to: '101', direction: 'in', durationSec: 30 }),
    });
    const incoming = (await stranger.json()) as { result: string; id: string };
    expect(incoming.result).toBe('incoming');
    const desk = await account.request('GET', '/api/v1/incoming');
    expect(desk.body.items.map((i: { id: string; source: string }) => [i.id, i.source])).toContainEqual([incoming.id, 'call']);
  });
});
