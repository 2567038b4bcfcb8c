// Telephony: the PBX reports calls (the contract's POST /api/v1/inbound/calls/{callKey}) and a
// card's Call button originates one through Asterisk ARI (POST /ari/channels, HTTP Basic).
import * as z from 'zod';
import { defineWidget, label, secret } from '../widget.ts';

export const manifest = defineWidget({
  name: 'calls',
  title: { en: 'Telephony', ru: 'Телефония' },
  description: {
    en: 'Calls from the PBX land on the contact’s open lead; unknown numbers become incoming requests. Call from a card through Asterisk ARI.',
    ru: 'Звонки с АТС попадают в открытую сделку контакта, незнакомые номера — во входящие заявки. Звонок из карточки через Asterisk ARI.',
  },
  settings: z.object({
    ariUrl: label(z.url({ protocol: /^https?$/ }).max(2048), { en: 'ARI base URL', ru: 'Адрес ARI' }),
    ariUser: label(z.string().min(1).max(200), { en: 'ARI user', ru: 'Пользователь ARI' }),
    ariPassword: secret(z.string().min(1).max(200), { en: 'ARI password', ru: 'Пароль ARI' }),
    operatorEndpoint: label(z.string().min(1).max(200).default('PJSIP/100'), { en: 'Operator endpoint', ru: 'Линия оператора' }),
    context: label(z.string().min(1).max(80).default('from-internal'), { en: 'Dialplan context', ru: 'Контекст диалплана' }),
  }),
  events: [],
  actions: [
    {
      id: 'call',
      title: { en: 'Call', ru: 'Позвонить' },
      entityTypes: ['contact', 'lead'],
      input: z.object({ phone: z.string().min(3).max(40) }),
    },
  ],
});
