// Letters as mail speaks them. Out: nodemailer composes the MIME letter (with In-Reply-To and
// References for a reply) and hands it to Amazon SES (SESv2 SendEmail) in AWS, or to the local
// runtime's SMTP server (MAIL_SMTP_URL). In: mailparser reads the raw letter, whether SES put
// it into S3 or the local SMTP server received it. The three libraries are imported when a
// letter is first sent or read, not when the Lambda starts: they are most of its cold start, and
// the widgets API bundles this module with every other widget.
import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import type { Transporter } from 'nodemailer';
import type { InboundLetter } from '@crm/core';

/** Each account's mailbox is `<account id>@<MAIL_DOMAIN>`: the SES receipt rule takes the whole domain. */
export const mailDomain = () => process.env.MAIL_DOMAIN ?? 'mail.crm.localhost';
export const mailboxOf = (accountId: string) => `${accountId.toLowerCase()}@${mailDomain()}`;

/** The account a recipient address is the mailbox of, or null (ids are ULIDs: case does not matter). */
export function accountOfMailbox(address: string): string | null {
  const [local, domain] = address.trim().toLowerCase().split('@');
  if (!local || domain !== mailDomain().toLowerCase() || !/^[0-9a-hjkmnp-tv-z]{26}$/.test(local)) return null;
  return local.toUpperCase();
}

let transport: Promise<Transporter> | undefined;
function mailer() {
  transport ??= (async () => {
    const { createTransport } = await import('nodemailer');
    const smtp = process.env.MAIL_SMTP_URL;
    if (smtp) return createTransport(smtp);
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    return createTransport({ SES: { sesClient: new SESv2Client({ region: process.env.AWS_REGION }), SendEmailCommand } });
  })();
  return transport;
}

export interface OutgoingLetter {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  /** `<id@domain>`, ours; SES replaces it with its own, which the answer gives back. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

/** Sends a letter; answers the Message-ID the recipient sees. */
export async function sendLetter(letter: OutgoingLetter): Promise<string> {
  const info = await (
    await mailer()
  ).sendMail({
    from: letter.from,
    to: letter.to,
    subject: letter.subject,
    text: letter.text,
    messageId: letter.messageId,
    ...(letter.inReplyTo && { inReplyTo: letter.inReplyTo }),
    ...(letter.references?.length && { references: letter.references }),
  });
  return (info as { messageId?: string }).messageId ?? letter.messageId;
}

const addresses = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value);

/** Letters above this are cut: a timeline note, not an archive. */
const MAX_TEXT = 20_000;

/** A raw RFC 5322 letter as the CRM keeps it, with every recipient (To, Cc and the envelope's). */
export async function parseLetter(raw: Buffer | string, envelopeTo: string[] = []): Promise<InboundLetter & { recipients: string[] }> {
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true });
  const from = addresses(parsed.from)[0];
  const references = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
  const recipients = [
    ...envelopeTo,
    ...[...addresses(parsed.to), ...addresses(parsed.cc)].map((a) => a.address).filter((a): a is string => !!a),
  ];
  const text = (parsed.text ?? (typeof parsed.html === 'string' ? parsed.html.replace(/<[^>]+>/g, ' ') : '')).trim();
  return {
    // A letter without one still needs a key: one made from its content finds a second delivery again.
    messageId: parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@no-message-id>`,
    ...(parsed.inReplyTo && { inReplyTo: parsed.inReplyTo }),
    references,
    from: { address: from?.address ?? 'unknown', ...(from?.name && { name: from.name }) },
    to: recipients[0] ?? '',
    subject: parsed.subject ?? '',
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text || '(no text)',
    recipients: [...new Set(recipients.map((r) => r.toLowerCase()))],
  };
}
