// Letters and Telegram messages with a contact. The widgets (functions/widgets/mail, telegram)
// speak the protocols; this keeps what was said: each message is an item on its record's
// timeline, letters thread by Message-ID, and a Telegram chat is linked to its contact.
import type { Message, MessageChannel, RecordRef } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { emailKey } from '../model/phones.ts';
import { newId, now } from '../ids.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { requireViewableRecord } from '../reads/records.ts';
import { stampsOf } from '../model/stamps.ts';

export type MessageItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.message.get>['go']>>['data']>;

export const toMessage = (m: MessageItem): Message => ({
  id: m.messageId,
  channel: m.channel,
  direction: m.direction,
  entity: { type: m.entityType as RecordRef['type'], id: m.entityId },
  from: m.fromAddress,
  to: m.toAddress,
  subject: m.subject ?? null,
  text: m.text,
  threadId: m.threadId,
  ...stampsOf(m),
});

const messages = aggregate({
  type: 'message',
  label: 'Message',
  dataKey: 'message',
  read: async (caller, messageId) => (await db.message.get({ accountId: caller.accountId, messageId }).go()).data,
  store: entityStore<MessageItem>(db.message, (m) => ({ accountId: m.accountId, messageId: m.messageId })),
  toContract: toMessage,
  tracked: ['text'],
});

/** Who writes what the widgets receive: the integration, named in the event log. */
export const integrationCaller = (accountId: string, widget: string): Caller => ({
  accountId,
  userId: widget,
  role: 'admin',
  groupId: null,
  actor: { type: 'integration', id: widget },
});

/** A message found by its letter's Message-ID or its Telegram `<chat>:<message>` id. */
export async function findMessageByExternalId(accountId: string, externalId: string) {
  const { data } = await db.message.query.byExternal({ accountId, externalId }).go({ limit: 1 });
  return data[0] ?? null;
}

/** The contact holding this e-mail address (the oldest when several do), or null. */
export async function contactIdByEmail(accountId: string, address: string) {
  const { data } = await db.contactClaim.get({ accountId, kind: 'email', value: emailKey(address) }).go();
  return [...(data?.holders ?? [])].sort()[0] ?? null;
}

// ---- Out: from a card ----

/**
 * A letter or a chat reply from a card (the widgets' card actions). `replyTo`, a message of
 * this record, puts a letter into that thread: In-Reply-To and References follow.
 */
export interface MessageInput {
  channel: MessageChannel;
  subject?: string;
  text: string;
  replyTo?: string;
}

/** Where a reply from a card goes, and the thread it continues. */
export interface Outgoing {
  caller: Caller;
  record: RecordRef;
  channel: MessageChannel;
  subject: string | null;
  text: string;
  /** A contact's address, or the Telegram chat id. */
  to: string;
  /** The letter this one answers (its thread's headers follow). */
  replyTo: MessageItem | null;
  /** The new message's id: a letter's Message-ID is made from it before sending. */
  messageId: string;
}

/** What a widget reports after delivering: the ids the other side knows the message by. */
export interface Delivered {
  from: string;
  externalId: string;
  references?: string[];
  chatId?: string;
}

/**
 * Sends a letter or a Telegram reply from a card through `deliver` (the widget's protocol),
 * then keeps it on the record's timeline. A lead's message goes to its main contact. Nothing
 * is kept when the delivery fails.
 */
export async function sendMessage(
  caller: Caller,
  record: RecordRef,
  input: MessageInput,
  deliver: (out: Outgoing) => Promise<Delivered>,
  options?: WriteOptions,
) {
  const item = await requireViewableRecord(caller, record);
  const replyTo = input.replyTo ? await readItem(caller.accountId, input.replyTo) : null;
  if (replyTo && (replyTo.entityType !== record.type || replyTo.entityId !== record.id)) {
    throw invalid('The message replied to is not on this card', [{ path: 'replyTo', message: 'not a message of this record' }]);
  }
  // A lead's letter or reply goes to its main contact, or its first one when none is main.
  const lead = item as { mainContactId?: string; contactIds?: string[] };
  const contactId =
    record.type === 'contact' ? record.id : record.type === 'lead' ? (lead.mainContactId ?? lead.contactIds?.[0]) : undefined;
  let to: string | undefined;
  if (input.channel === 'email') {
    if (!input.subject && !replyTo) throw invalid('A letter needs a subject', [{ path: 'subject', message: 'required for a new letter' }]);
    to = replyTo?.direction === 'in' ? replyTo.fromAddress : await emailOf(caller.accountId, record, contactId, item);
    if (!to) throw conflict(`This ${record.type} has no e-mail address`);
  } else {
    to = replyTo?.chatId ?? (contactId ? await chatOfContact(caller.accountId, contactId) : undefined);
    if (!to) throw conflict(`This ${record.type} has no Telegram chat: it is linked when a message from it is accepted`);
  }
  const subject = input.channel === 'email' ? (input.subject ?? replyPrefix(replyTo?.subject)) : null;
  const messageId = newId();
  const delivered = await deliver({ caller, record, channel: input.channel, subject, text: input.text, to, replyTo, messageId });
  return messages.create(
    caller,
    options,
    () => {
      const at = now();
      return {
        item: {
          accountId: caller.accountId,
          messageId,
          channel: input.channel,
          direction: 'out',
          entityType: record.type,
          entityId: record.id,
          fromAddress: delivered.from,
          toAddress: to,
          ...(subject !== null && { subject }),
          text: input.text,
          threadId: replyTo?.threadId ?? (input.channel === 'telegram' ? chatThread(to) : messageId),
          externalId: delivered.externalId,
          ...(delivered.references?.length && { references: delivered.references }),
          ...(delivered.chatId && { chatId: delivered.chatId }),
          createdAt: at,
          updatedAt: at,
          createdBy: caller.userId,
          version: 1,
        },
      };
    },
    { event: 'sent' },
  );
}

const replyPrefix = (subject: string | undefined) => (!subject ? 'Re:' : /^re:/i.test(subject) ? subject : `Re: ${subject}`);

async function readItem(accountId: string, messageId: string) {
  const { data } = await db.message.get({ accountId, messageId }).go();
  if (!data) throw notFound('Message');
  return data;
}

async function emailOf(accountId: string, record: RecordRef, contactId: string | undefined, item: unknown) {
  if (record.type === 'company') return (item as { emails?: { value: string }[] }).emails?.[0]?.value;
  if (record.type === 'contact') return (item as { emails?: { value: string }[] }).emails?.[0]?.value;
  if (!contactId) return undefined;
  const { data } = await db.contact.get({ accountId, contactId }).go();
  return data?.emails?.[0]?.value;
}

// ---- In: letters ----

export interface InboundLetter {
  /** With its angle brackets, as in the header. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  from: { address: string; name?: string };
  to: string;
  subject: string;
  text: string;
}

/**
 * A letter that arrived: a reply to a letter we keep lands in that thread (on its record), a
 * letter from a known address on that contact's timeline. `unknown` is for the widget to make
 * an incoming request of; `duplicate` when this Message-ID was kept already (SES may deliver twice).
 */
export async function receiveLetter(
  accountId: string,
  letter: InboundLetter,
): Promise<{ kind: 'message'; message: Message } | { kind: 'duplicate' } | { kind: 'unknown' }> {
  if (await findMessageByExternalId(accountId, letter.messageId)) return { kind: 'duplicate' };
  const earlier = [letter.inReplyTo, ...[...letter.references].reverse()].filter((id): id is string => !!id);
  let parent: MessageItem | null = null;
  for (const id of earlier.slice(0, 5)) if ((parent = await findMessageByExternalId(accountId, id))) break;
  const contactId = parent ? null : await contactIdByEmail(accountId, letter.from.address);
  const record: RecordRef | null = parent
    ? { type: parent.entityType as RecordRef['type'], id: parent.entityId }
    : contactId
      ? { type: 'contact', id: contactId }
      : null;
  if (!record) return { kind: 'unknown' };
  const messageId = newId();
  const message = await keepInbound(integrationCaller(accountId, 'mail'), record, {
    messageId,
    channel: 'email',
    fromAddress: letter.from.address,
    toAddress: letter.to,
    subject: letter.subject,
    text: letter.text,
    threadId: parent?.threadId ?? messageId,
    externalId: letter.messageId,
    references: [...letter.references, ...(letter.inReplyTo && !letter.references.includes(letter.inReplyTo) ? [letter.inReplyTo] : [])],
  });
  return { kind: 'message', message };
}

type InboundFields = Pick<MessageItem, 'messageId' | 'channel' | 'fromAddress' | 'toAddress' | 'text' | 'threadId' | 'externalId'> &
  Partial<Pick<MessageItem, 'subject' | 'references' | 'chatId'>>;

function keepInbound(caller: Caller, record: RecordRef, fields: InboundFields) {
  return messages.create(
    caller,
    undefined,
    () => {
      const at = now();
      return {
        item: {
          accountId: caller.accountId,
          direction: 'in',
          entityType: record.type,
          entityId: record.id,
          ...fields,
          ...(fields.references && !fields.references.length && { references: undefined }),
          createdAt: at,
          updatedAt: at,
          createdBy: caller.userId,
          version: 1,
        },
      };
    },
    { event: 'received' },
  );
}

// ---- In: Telegram ----

export interface InboundChatMessage {
  chatId: string;
  /** Telegram's message_id within the chat. */
  messageId: string;
  name: string;
  text: string;
  /** The bot's own name, for the timeline's `to`. */
  bot: string;
}

/**
 * A Telegram message: from a chat linked to a contact it lands on that contact's timeline;
 * from a new person `unknown` (the widget makes an incoming request; accepting it links the chat).
 */
export async function receiveChatMessage(
  accountId: string,
  msg: InboundChatMessage,
): Promise<{ kind: 'message'; message: Message } | { kind: 'duplicate' } | { kind: 'unknown' }> {
  const externalId = `${msg.chatId}:${msg.messageId}`;
  if (await findMessageByExternalId(accountId, externalId)) return { kind: 'duplicate' };
  const { data: link } = await db.chatLink.get({ accountId, chatId: msg.chatId }).go();
  if (!link) return { kind: 'unknown' };
  const messageId = newId();
  const message = await keepInbound(
    integrationCaller(accountId, 'telegram'),
    { type: 'contact', id: link.contactId },
    {
      messageId,
      channel: 'telegram',
      fromAddress: msg.name,
      toAddress: msg.bot,
      text: msg.text,
      threadId: chatThread(msg.chatId),
      externalId,
      chatId: msg.chatId,
    },
  );
  return { kind: 'message', message };
}

/** A Telegram chat is one conversation. */
export const chatThread = (chatId: string) => `telegram-${chatId}`;

/** Links a Telegram chat to its contact (an accepted incoming request from it). */
export async function linkChat(accountId: string, chatId: string, contactId: string, name: string) {
  await db.chatLink.upsert({ accountId, chatId, contactId, name, updatedAt: now() }).go();
}

export async function chatOfContact(accountId: string, contactId: string) {
  const { data } = await db.chatLink.query.byContact({ accountId, contactId }).go({ limit: 1 });
  return data[0]?.chatId;
}
