// Mail: letters from a contact's or lead's card (Amazon SES; locally the runtime's SMTP
// server), and letters to the account's mailbox onto the sender's timeline or, from an
// unknown address, into incoming requests. Replies thread by Message-ID.
import * as z from 'zod';
import { defineWidget, label } from '../widget.ts';

export const manifest = defineWidget({
  name: 'mail',
  title: { en: 'Mail', ru: 'Почта' },
  description: {
    en: "Send letters from a card; letters to the account's mailbox land on the sender's timeline or in incoming requests.",
    ru: 'Письма из карточки; письма на почтовый ящик аккаунта попадают в историю отправителя или в неразобранное.',
  },
  settings: z.object({
    fromName: label(z.string().trim().min(1).max(100), { en: 'Sender name', ru: 'Имя отправителя' }).optional(),
  }),
  events: [],
  actions: [
    {
      id: 'send',
      title: { en: 'Send e-mail', ru: 'Написать письмо' },
      entityTypes: ['lead', 'contact'],
      input: z.strictObject({
        subject: z.string().trim().min(1).max(500).optional(),
        text: z.string().trim().min(1).max(20_000),
        /** A letter of this card to answer: the reply joins its thread. */
        replyTo: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/)
          .optional(),
      }),
    },
  ],
});
