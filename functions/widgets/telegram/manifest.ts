// Telegram: a bot through the Bot API. Its webhook updates come in at
// /api/v1/inbound/telegram/<key> (checked by X-Telegram-Bot-Api-Secret-Token); a message from
// a new person becomes an incoming request (accepting it links the chat to the contact),
// messages from a linked chat land on the contact's timeline, replies from the card go out
// through sendMessage.
import * as z from 'zod';
import { defineWidget, label, secret } from '../widget.ts';
import { TELEGRAM_API } from './bot-api.ts';

export const manifest = defineWidget({
  name: 'telegram',
  title: { en: 'Telegram', ru: 'Telegram' },
  description: {
    en: 'A Telegram bot: messages from new people become incoming requests, the conversation shows on the contact, replies go from the card.',
    ru: 'Бот Telegram: сообщения новых людей становятся неразобранным, переписка видна в карточке контакта, ответы уходят из карточки.',
  },
  settings: z.object({
    botToken: secret(
      z
        .string()
        .trim()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'a bot token from @BotFather'),
      {
        en: 'Bot token',
        ru: 'Токен бота',
      },
    ),
    apiBaseUrl: label(z.url().default(TELEGRAM_API), { en: 'Bot API URL', ru: 'Адрес Bot API' }),
  }),
  events: ['incoming.accepted'],
  actions: [
    {
      id: 'reply',
      title: { en: 'Reply in Telegram', ru: 'Ответить в Telegram' },
      entityTypes: ['lead', 'contact'],
      input: z.strictObject({ text: z.string().trim().min(1).max(4096) }),
    },
  ],
});
