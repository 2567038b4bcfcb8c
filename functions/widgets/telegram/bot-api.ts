// The Telegram Bot API as a bot uses it (https://core.telegram.org/bots/api): POST
// <base>/bot<token>/<method> with a JSON body, answered `{ ok, result }` or `{ ok: false,
// description }`. The base URL is a setting (tests point it at a receiver on loopback); calls go
// through the widgets' callService (the webhook guard: https to public addresses only in AWS).
import { createHash } from 'node:crypto';
import { callService, ServiceFailed } from '../http.ts';

export const TELEGRAM_API = 'https://api.telegram.org';

export interface BotConfig {
  token: string;
  apiBaseUrl: string;
}

/** The part of an Update (https://core.telegram.org/bots/api#update) the CRM reads. */
export interface TelegramUpdate {
  update_id: number;
  message?: {
    message_id: number;
    chat: { id: number; type: string; first_name?: string; last_name?: string; username?: string; title?: string };
    from?: { id: number; first_name: string; last_name?: string; username?: string };
    text?: string;
    caption?: string;
  };
}

export async function callBotApi<T>(bot: BotConfig, method: string, params: Record<string, unknown>): Promise<T> {
  const answer = await callService({
    method: 'POST',
    url: `${bot.apiBaseUrl.replace(/\/+$/, '')}/bot${bot.token}/${method}`,
    body: params,
  });
  const body = answer.body as { ok?: boolean; result?: T; description?: string } | null;
  // The token is in the URL: an error never repeats the URL.
  if (!body?.ok) throw new ServiceFailed(`Telegram refused ${method}: ${body?.description ?? `HTTP ${answer.status}`}`);
  return body.result as T;
}

/**
 * The webhook's secret_token (1-256 of A-Za-z0-9_-), derived from the bot token and the
 * account so that nothing more is stored and it changes with the token.
 */
export const webhookSecret = (token: string, accountId: string) => createHash('sha256').update(`${accountId}:${token}`).digest('hex');

export const setWebhook = (bot: BotConfig, url: string, secret: string) =>
  callBotApi<boolean>(bot, 'setWebhook', { url, secret_token: secret, allowed_updates: ['message'] });

export const sendTelegramMessage = (bot: BotConfig, chatId: string, text: string) =>
  callBotApi<{ message_id: number; chat: { id: number } }>(bot, 'sendMessage', { chat_id: chatId, text });

export const getMe = (bot: BotConfig) => callBotApi<{ id: number; username?: string; first_name: string }>(bot, 'getMe', {});

/** Who wrote, as the timeline and an incoming request name them. */
export function senderName(msg: NonNullable<TelegramUpdate['message']>) {
  const who = msg.from ?? msg.chat;
  const full = [who.first_name, who.last_name].filter(Boolean).join(' ').trim();
  return full || (who.username ? `@${who.username}` : `Telegram ${msg.chat.id}`);
}
