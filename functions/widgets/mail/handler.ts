// The mail widget's parts: the card action that sends a letter, and the inbound path that
// SES receiving (ses-inbound.ts) and the local SMTP server share.
import { receiveIncoming, receiveLetter, sendMessage } from '@crm/core';
import type { WidgetContext, WidgetModule } from '../widget.ts';
import { widgetContext } from '../consume.ts';
import { accountOfMailbox, mailboxOf, mailDomain, parseLetter, sendLetter } from './letters.ts';
import { manifest } from './manifest.ts';

type Ctx = WidgetContext<typeof manifest.settings>;
type SendInput = { subject?: string; text: string; replyTo?: string };

export const actions: WidgetModule['actions'] = {
  send: async (ctx, { entity, input, user }) => {
    const settings = (ctx as Ctx).settings;
    const message = await sendMessage(user, entity, { channel: 'email', ...(input as SendInput) }, async (out) => {
      const from = { name: settings.fromName ?? 'CRM', address: mailboxOf(ctx.accountId) };
      const parent = out.replyTo;
      const references = parent ? [...(parent.references ?? []), parent.externalId] : [];
      const externalId = await sendLetter({
        from,
        to: out.to,
        subject: out.subject!,
        text: out.text,
        messageId: `<${out.messageId.toLowerCase()}@${mailDomain()}>`,
        ...(parent && { inReplyTo: parent.externalId, references }),
      });
      return { from: from.address, externalId, references };
    });
    return { message };
  },
};

/**
 * A letter that reached the mail domain: for each account mailbox among its recipients whose
 * account has mail enabled, onto the timeline (a known sender or a reply in a thread) or, from
 * an unknown sender, an incoming request. Answers what became of it, per account.
 */
export async function receiveRawLetter(raw: Buffer, envelopeTo: string[]) {
  const letter = await parseLetter(raw, envelopeTo);
  const accounts = [...new Set(letter.recipients.map(accountOfMailbox).filter((a): a is string => a !== null))];
  const outcomes: Array<{ accountId: string; kind: string }> = [];
  for (const accountId of accounts) {
    const ctx = await widgetContext(manifest, accountId);
    if (!ctx) continue;
    const kept = await receiveLetter(accountId, { ...letter, to: mailboxOf(accountId) });
    if (kept.kind === 'unknown') {
      await receiveIncoming(
        accountId,
        {
          source: 'mail',
          ...(letter.from.name && { name: letter.from.name }),
          email: letter.from.address,
          message: [letter.subject, letter.text].filter(Boolean).join('\n\n').slice(0, 5000),
          meta: { messageId: letter.messageId, subject: letter.subject },
        },
        { actor: { type: 'integration', id: 'mail' }, dedupKey: letter.messageId },
      );
    }
    outcomes.push({ accountId, kind: kept.kind === 'unknown' ? 'incoming' : kept.kind });
  }
  return outcomes;
}
