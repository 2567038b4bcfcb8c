// The Telegram widget end to end through the local runtime: a receiver on loopback speaks the
// Bot API (setWebhook, getMe, sendMessage); updates are posted to the CRM's webhook as Telegram
// would. A new person's message becomes an incoming request; once accepted, the chat's messages
// land on the contact's timeline, and a reply from the card reaches the chat through sendMessage.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApi, type CrmUser } from './support/api.ts';
import { until } from './support/until.ts';

const api = useApi();
const TOKEN = '123456789:AAFakeTokenForLocalTests_abcdefghij';

/** A Bot API stand-in: records every call and answers as Telegram does. */
function fakeBotApi() {
  const calls: Array<{ method: string; token: string; body: Record<string, any> }> = [];
  let nextMessageId = 1000;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const body = raw ? JSON.parse(raw) : {};
      res.setHeader('content-type', 'application/json');
      if (!m || m[1] !== TOKEN)
        return void res.writeHead(401).end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      calls.push({ method: m[2]!, token: m[1]!, body });
      const result =
        m[2] === 'getMe'
          ? { id: 1, is_bot: true, first_name: 'CRM bot', username: 'crm_test_bot' }
          : m[2] === 'sendMessage'
            ? { message_id: nextMessageId++, chat: { id: Number(body.chat_id) }, date: Math.floor(Date.now() / 1000), text: body.text }
            : true;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  return {
    calls,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const update = (chatId: number, messageId: number, text: string) => ({
  update_id: messageId,
  message: {
    message_id: messageId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'Ivan', last_name: 'Sidorov', username: 'ivan_s' },
    from: { id: chatId, is_bot: false, first_name: 'Ivan', last_name: 'Sidorov', username: 'ivan_s' },
    text,
  },
});

describe('Telegram widget', () => {
  const bot = fakeBotApi();
  let botUrl: string;
  let admin: CrmUser;
  let webhook: { url: string; secret: string };

  beforeAll(async () => {
    botUrl = await bot.start();
    admin = await api.account();
  });
  afterAll(() => bot.stop());

  it('registers its webhook with Telegram when enabled, and keeps the token secret', async () => {
    const saved = await admin.request('PUT', '/api/v1/widgets/telegram', {
      enabled: true,
      settings: { botToken: TOKEN, apiBaseUrl: botUrl },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(JSON.stringify(saved.body)).not.toContain(TOKEN);
    expect(saved.body.secretsSet).toEqual(['botToken']);
    const set = bot.calls.find((c) => c.method === 'setWebhook');
    expect(set?.body.url).toBe(`${api.apiUrl}/api/v1/inbound/telegram/${saved.body.inboundKey}`);
    expect(set?.body.secret_token).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(set?.body.secret_token).not.toContain(TOKEN);
    webhook = { url: set!.body.url, secret: set!.body.secret_token };
  });

  it('refuses an update without the secret token', async () => {
    const wrong = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-the-secret' },
      body: JSON.stringify(update(555001, 1, 'spoofed')),
    });
    expect(wrong.status).toBe(401);
    const none = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(update(555001, 2, 'x')),
    });
    expect(none.status).toBe(401);
    const list = await admin.request('GET', '/api/v1/incoming');
    expect(list.body.items).toEqual([]);
  });

  it('a new person -> an incoming request; accepted, the chat is the contact: messages on its timeline, replies reach the chat', async () => {
    const post = (body: unknown) =>
      fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhook.secret },
        body: JSON.stringify(body),
      });
    expect((await post(update(555001, 10, 'Hello, do you deliver to Kazan?'))).status).toBe(200);
    // Telegram resends an update it got no 2xx for; the same update twice is one request.
    expect((await post(update(555001, 10, 'Hello, do you deliver to Kazan?'))).status).toBe(200);
    const incoming = await admin.request('GET', '/api/v1/incoming');
    expect(incoming.body.items).toHaveLength(1);
    const request = incoming.body.items[0];
    expect(request).toMatchObject({ source: 'chat', name: 'Ivan Sidorov', message: 'Hello, do you deliver to Kazan?', status: 'new' });

    const accepted = await admin.request('POST', `/api/v1/incoming/${request.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const contactId: string = accepted.body.mainContactId ?? accepted.body.contactIds[0];

    // The link is made by the widget's bus consumer on incoming.accepted; until then a reply has no chat.
    await until('the chat link', async () => {
      const r = await admin.request('POST', '/api/v1/widgets/telegram/actions/reply', {
        entity: { type: 'contact', id: contactId },
        input: { text: 'Yes, in 3 days.' },
      });
      return r.status === 202 ? r : r.status === 409 ? null : Promise.reject(new Error(JSON.stringify(r.body)));
    });
    const sent = bot.calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toEqual([expect.objectContaining({ body: { chat_id: '555001', text: 'Yes, in 3 days.' } })]);

    expect((await post(update(555001, 11, 'Great, I will order'))).status).toBe(200);
    const timeline = await until('both messages on the timeline', async () => {
      const t = await admin.request('GET', `/api/v1/contacts/${contactId}/timeline`);
      const messages = t.body.items.filter((i: { kind: string }) => i.kind === 'message').map((i: { message: unknown }) => i.message);
      return messages.length >= 2 ? messages : null;
    });
    expect(timeline).toEqual([
      expect.objectContaining({
        channel: 'telegram',
        direction: 'in',
        from: 'Ivan Sidorov',
        text: 'Great, I will order',
        threadId: 'telegram-555001',
      }),
      expect.objectContaining({
        channel: 'telegram',
        direction: 'out',
        text: 'Yes, in 3 days.',
        threadId: 'telegram-555001',
        createdBy: admin.userId,
      }),
    ]);
    // No second incoming request for a linked chat.
    expect((await admin.request('GET', '/api/v1/incoming?status=new')).body.items).toEqual([]);
  });

  it("another account's key or a disabled widget does not take updates", async () => {
    const other = await api.account('Other LLC');
    const replyThere = await other.request('POST', '/api/v1/widgets/telegram/actions/reply', {
      entity: { type: 'contact', id: 'nope' },
      input: { text: 'x' },
    });
    expect(replyThere.status).toBeGreaterThanOrEqual(400);
    expect((await admin.request('PUT', '/api/v1/widgets/telegram', { enabled: false, settings: { apiBaseUrl: botUrl } })).status).toBe(200);
    const off = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhook.secret },
      body: JSON.stringify(update(555002, 20, 'hi')),
    });
    expect(off.status).toBe(404);
  });
});
