// The mail widget end to end through the local runtime: an SMTP client sends to the local SMTP
// server (the SES receiving stand-in) -> the CRM -> the contact's timeline or the incoming list;
// and back out: a letter from the card arrives at the same SMTP server, seen in its letters list,
// with the thread headers, and the answer to it joins the thread.
import { createTransport } from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '@crm/local/testing';
import { useApi, type CrmUser } from './support/api.ts';
import { until } from './support/until.ts';

const api = useApi();

type Letter = {
  to?: string;
  envelope: { to: string[] };
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  text: string;
  from: string;
};

describe('Mail widget', () => {
  let admin: CrmUser;
  let mailbox: string;
  let contactId: string;
  let smtp: ReturnType<typeof createTransport>;
  let viewUrl: string;
  const letters = async (): Promise<Letter[]> => ((await (await fetch(`${viewUrl}/messages`)).json()) as { items: Letter[] }).items;
  const messagesOf = async (kind: string, id: string) =>
    ((await admin.request('GET', `/api/v1/${kind}/${id}/timeline`)).body.items as Array<{ kind: string; message: any }>)
      .filter((i) => i.kind === 'message')
      .map((i) => i.message);

  beforeAll(async () => {
    const env = testEnv();
    smtp = createTransport(env.MAIL_SMTP_URL!);
    viewUrl = env.MAIL_VIEW_URL!;
    admin = await api.account();
    mailbox = `${admin.accountId.toLowerCase()}@${env.MAIL_DOMAIN}`;
    const saved = await admin.request('PUT', '/api/v1/widgets/mail', { enabled: true, settings: { fromName: 'Romashka sales' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const contact = await admin.client.contacts.create({
      name: 'Anna Petrova',
      emails: [{ value: 'anna@example.com', type: 'work' }],
    } as never);
    contactId = contact.id;
  });

  it('a letter from a known address lands on the contact; the reply from the card goes out in its thread, and the answer joins it', async () => {
    await smtp.sendMail({
      from: 'Anna Petrova <Anna@Example.com>',
      to: mailbox,
      subject: 'Price list',
      text: 'Please send the price list.',
      messageId: '<anna-1@example.com>',
    });
    const [first] = await until('the letter on the timeline', async () =>
      (await messagesOf('contacts', contactId)).length ? messagesOf('contacts', contactId) : null,
    );
    expect(first).toMatchObject({
      channel: 'email',
      direction: 'in',
      from: 'Anna@example.com',
      to: mailbox,
      subject: 'Price list',
      text: 'Please send the price list.',
    });

    const reply = await admin.request('POST', '/api/v1/widgets/mail/actions/send', {
      entity: { type: 'contact', id: contactId },
      input: { text: 'Here it is.', replyTo: first.id },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(202);
    const out = reply.body.result.message;
    expect(out).toMatchObject({ direction: 'out', to: 'Anna@example.com', subject: 'Re: Price list', threadId: first.threadId });

    const delivered = await until('the reply at the SMTP server', async () =>
      (await letters()).find((l) => l.envelope.to.includes('anna@example.com')),
    );
    expect(delivered).toMatchObject({
      subject: 'Re: Price list',
      text: expect.stringContaining('Here it is.'),
      inReplyTo: '<anna-1@example.com>',
      references: ['<anna-1@example.com>'],
    });
    expect(delivered.from).toContain(mailbox);

    // Anna answers the reply (her client quotes its Message-ID): the same thread.
    await smtp.sendMail({
      from: 'anna@example.com',
      to: mailbox,
      subject: 'Re: Re: Price list',
      text: 'Thanks!',
      messageId: '<anna-2@example.com>',
      inReplyTo: delivered.messageId!,
      references: ['<anna-1@example.com>', delivered.messageId!],
    });
    const thread = await until('the answer', async () => {
      const all = await messagesOf('contacts', contactId);
      return all.length >= 3 ? all : null;
    });
    expect(thread.map((m) => [m.direction, m.text.trim()])).toEqual([
      ['in', 'Thanks!'],
      ['out', 'Here it is.'],
      ['in', 'Please send the price list.'],
    ]);
    expect(new Set(thread.map((m) => m.threadId))).toEqual(new Set([first.threadId]));
  });

  it('a letter from an unknown address becomes an incoming request; the same letter twice is one', async () => {
    const letter = {
      from: 'Boris <boris@example.org>',
      to: mailbox,
      subject: 'Wholesale',
      text: 'Do you sell wholesale?',
      messageId: '<boris-1@example.org>',
    };
    await smtp.sendMail(letter);
    await smtp.sendMail(letter);
    const items = await until('the incoming request', async () => {
      const list = (await admin.request('GET', '/api/v1/incoming')).body.items as Array<Record<string, unknown>>;
      return list.length ? list : null;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect((await admin.request('GET', '/api/v1/incoming')).body.items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'mail', name: 'Boris', email: 'boris@example.org', status: 'new' });
    expect(items[0]!.message).toContain('Do you sell wholesale?');
  });

  it('a new letter from a lead card goes to its main contact; without a subject it is a 400; another account sees nothing', async () => {
    const lead = await admin.client.leads.create({ name: 'Price list deal', contactIds: [contactId] } as never);
    const bad = await admin.request('POST', '/api/v1/widgets/mail/actions/send', {
      entity: { type: 'lead', id: lead.id },
      input: { text: 'Hi' },
    });
    expect(bad.status).toBe(400);
    const sent = await admin.request('POST', '/api/v1/widgets/mail/actions/send', {
      entity: { type: 'lead', id: lead.id },
      input: { subject: 'Offer', text: 'Our offer is attached.' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    await until('the offer at the SMTP server', async () =>
      (await letters()).find((l) => l.subject === 'Offer' && l.envelope.to.includes('anna@example.com')),
    );
    expect((await messagesOf('leads', lead.id)).map((m) => m.subject)).toEqual(['Offer']);

    const other = await api.account('Other LLC');
    const there = await other.request('POST', '/api/v1/widgets/mail/actions/send', {
      entity: { type: 'lead', id: lead.id },
      input: { subject: 'x', text: 'x' },
    });
    expect(there.status).toBe(404);
  });
});
