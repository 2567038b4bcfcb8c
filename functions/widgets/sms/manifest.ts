// SMS through a gateway speaking Twilio's Messages API (form-encoded, HTTP Basic): sent from a
// lead's or contact's card, and by an automation; the gateway's delivery reports come back to
// /api/v1/inbound/sms/<key>/<record> and land on the record's timeline.
import * as z from 'zod';
import { defineWidget, label, secret } from '../widget.ts';

export const manifest = defineWidget({
  name: 'sms',
  title: { en: 'SMS', ru: 'SMS' },
  description: {
    en: 'Send SMS from a card or an automation through a Twilio-compatible gateway; delivery statuses show on the timeline.',
    ru: 'Отправка SMS из карточки или автоматизацией через шлюз с API Twilio; статусы доставки видны в ленте.',
  },
  settings: z.object({
    apiUrl: label(
      z
        .url({ protocol: /^https?$/ })
        .max(2048)
        .default('https://api.twilio.com'),
      { en: 'Gateway base URL', ru: 'Адрес шлюза' },
    ),
    accountSid: label(z.string().min(1).max(64), { en: 'Account SID', ru: 'Account SID' }),
    authToken: secret(z.string().min(1).max(200), { en: 'Auth token', ru: 'Токен' }),
    from: label(z.string().min(1).max(40), { en: 'Sender number', ru: 'Номер отправителя' }),
  }),
  // An automation's `send SMS` action asks for it with this event (services/automations.ts).
  events: ['sms.requested'],
  actions: [
    {
      id: 'send',
      title: { en: 'Send SMS', ru: 'Отправить SMS' },
      entityTypes: ['contact', 'lead'],
      input: z.object({ phone: z.string().min(3).max(40), text: z.string().min(1).max(1600) }),
    },
  ],
});
