// Letters and Telegram messages with a contact (the mail and Telegram widgets), and which
// Telegram chat is which contact.
import { defineEntity } from './define.ts';
import { SERVICE, baseAttributes, gsi } from './base.ts';
import { onTimeline, recordAttributes } from './note.ts';

export const MessageEntity = defineEntity({
  model: { entity: 'message', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    messageId: { type: 'string', required: true, readOnly: true },
    channel: { type: ['email', 'telegram'] as const, required: true },
    direction: { type: ['in', 'out'] as const, required: true },
    ...recordAttributes,
    fromAddress: { type: 'string', required: true },
    toAddress: { type: 'string', required: true },
    subject: { type: 'string' },
    text: { type: 'string', required: true },
    threadId: { type: 'string', required: true },
    /** A letter's Message-ID (`<...>`), or `<chat id>:<message id>` of a Telegram message: found again by it. */
    externalId: { type: 'string', required: true },
    /** A letter's References: its thread's Message-IDs, oldest first. */
    references: { type: 'list', items: { type: 'string' } },
    /** The Telegram chat a message came from or went to. */
    chatId: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['messageId'] } },
    timeline: onTimeline('messageId'),
    byExternal: gsi(2, ['accountId', 'externalId'], []),
  },
});

/** A Telegram chat and the contact it is: written when an incoming request from it is accepted. */
export const ChatLinkEntity = defineEntity({
  model: { entity: 'chatLink', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    chatId: { type: 'string', required: true, readOnly: true },
    /** The sender's name as Telegram gives it. */
    name: { type: 'string', required: true },
    contactId: { type: 'string', required: true },
    updatedAt: { type: 'string', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['chatId'] } },
    byContact: gsi(2, ['accountId', 'contactId'], ['chatId']),
  },
});
