// The Telegram widget's parts: the webhook (inbound), the card's reply (actions), the chat's
// link to its contact when an incoming request from it is accepted (handler), and the
// webhook's registration with Telegram when an admin saves the settings (onSave).
import { timingSafeEqual } from 'node:crypto';
import { chatThread, linkChat, receiveChatMessage, receiveIncoming, sendMessage } from '@crm/core';
import { widgetConsumer } from '../consume.ts';
import type { WidgetContext, WidgetModule } from '../widget.ts';
import { getMe, senderName, sendTelegramMessage, setWebhook, webhookSecret, type TelegramUpdate } from './bot-api.ts';
import { manifest } from './manifest.ts';

type Ctx = WidgetContext<typeof manifest.settings>;
const botOf = (ctx: Ctx) => ({ token: ctx.settings.botToken, apiBaseUrl: ctx.settings.apiBaseUrl });

const sameSecret = (given: string | undefined, expected: string) =>
  given !== undefined && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

export const inbound: WidgetModule['inbound'] = async (context, request) => {
  const ctx = context as Ctx;
  if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], webhookSecret(ctx.settings.botToken, ctx.accountId))) {
    return { status: 401, body: { title: 'The secret token does not match' } };
  }
  let update: TelegramUpdate;
  try {
    update = JSON.parse(request.body) as TelegramUpdate;
  } catch {
    return { status: 400, body: { title: 'The body is not JSON' } };
  }
  const msg = update.message;
  const text = msg?.text ?? msg?.caption;
  // Other updates (edits, photos without a caption, joins) are acknowledged and left: Telegram would resend a non-2xx.
  if (!msg || !text || typeof msg.chat?.id !== 'number') return { status: 200, body: { ok: true } };
  const chatId = String(msg.chat.id);
  const name = senderName(msg);
  const kept = await receiveChatMessage(ctx.accountId, { chatId, messageId: String(msg.message_id), name, text, bot: 'bot' });
  if (kept.kind === 'unknown') {
    await receiveIncoming(
      ctx.accountId,
      {
        source: 'chat',
        name: name.slice(0, 255),
        message: text.slice(0, 10_000),
        meta: { channel: 'telegram', chatId, username: msg.from?.username ?? null },
      },
      { actor: ctx.caller.actor, dedupKey: `${chatId}:${msg.message_id}` },
    );
  }
  return { status: 200, body: { ok: true } };
};

export const actions: WidgetModule['actions'] = {
  reply: async (context, { entity, input, user }) => {
    const ctx = context as Ctx;
    const message = await sendMessage(user, entity, { channel: 'telegram', text: (input as { text: string }).text }, async (out) => {
      const sent = await sendTelegramMessage(botOf(ctx), out.to, out.text);
      return { from: 'bot', externalId: `${out.to}:${sent.message_id}`, chatId: out.to };
    });
    return { message };
  },
};

/** The webhook is (re)registered whenever the settings are saved with the widget enabled: the token may have changed. */
export async function onSave(context: WidgetContext) {
  const ctx = context as Ctx;
  if (!ctx.publicApiUrl) return;
  const bot = botOf(ctx);
  await getMe(bot);
  await setWebhook(bot, `${ctx.publicApiUrl}/inbound/telegram/${ctx.inboundKey}`, webhookSecret(ctx.settings.botToken, ctx.accountId));
}

/** An accepted incoming request from a chat links the chat to the contact it became. */
export const handler = widgetConsumer(manifest, async (event) => {
  if (event.type !== 'incoming.accepted') return;
  const incoming = (
    event.data as { incoming?: { source?: string; contactId?: string | null; name?: string | null; meta?: Record<string, unknown> } }
  ).incoming;
  const chatId = incoming?.meta?.chatId;
  if (incoming?.source !== 'chat' || typeof chatId !== 'string' || !incoming.contactId) return;
  await linkChat(event.accountId, chatId, incoming.contactId, incoming.name ?? chatThread(chatId));
});
