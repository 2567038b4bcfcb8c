// Letters and chat messages with a contact, in and out, as the mail and Telegram widgets carry
// them: each lands on its record's timeline; letters thread by Message-ID.
import * as z from 'zod';
import { EntityBase, Id } from './common.ts';
import { RecordRef } from './tasks.ts';

export const MessageChannel = z.enum(['email', 'telegram']);
export type MessageChannel = z.infer<typeof MessageChannel>;

export const Message = EntityBase.extend({
  channel: MessageChannel,
  direction: z.enum(['in', 'out']),
  entity: RecordRef,
  /** An e-mail address, or a Telegram chat's name. */
  from: z.string(),
  to: z.string(),
  /** Letters only. */
  subject: z.string().nullable(),
  text: z.string(),
  /** The conversation: a letter thread's first message id, or `telegram-<chat id>`. */
  threadId: Id,
});
export type Message = z.infer<typeof Message>;
