// The mail widget's letter parsing and mailbox addresses, without the network.
import { describe, expect, it } from 'vitest';
import { accountOfMailbox, mailboxOf, parseLetter } from '../widgets/mail/letters.ts';

const raw = (headers: string, body: string) =>
  `${headers
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .join('\r\n')}\r\n\r\n${body}`;

describe('mail letters', () => {
  it('reads sender, recipients, subject, text and the thread headers', async () => {
    const letter = await parseLetter(
      raw(
        `From: "Anna Petrova" <Anna@Example.com>
        To: 01jabcdefghjkmnpqrstvwxyz0@mail.crm.localhost
        Cc: someone@example.org
        Subject: =?UTF-8?B?0J/RgNC40LLQtdGC?=
        Message-ID: <reply-1@example.com>
        In-Reply-To: <first@mail.crm.localhost>
        References: <root@mail.crm.localhost> <first@mail.crm.localhost>
        Content-Type: text/plain; charset=utf-8`,
        'Hello, we agree.\r\n',
      ),
      ['Envelope@Mail.crm.localhost'],
    );
    expect(letter).toMatchObject({
      messageId: '<reply-1@example.com>',
      inReplyTo: '<first@mail.crm.localhost>',
      references: ['<root@mail.crm.localhost>', '<first@mail.crm.localhost>'],
      from: { address: 'Anna@Example.com', name: 'Anna Petrova' },
      subject: 'Привет',
      text: 'Hello, we agree.',
    });
    expect(letter.recipients).toEqual([
      'envelope@mail.crm.localhost',
      '01jabcdefghjkmnpqrstvwxyz0@mail.crm.localhost',
      'someone@example.org',
    ]);
  });

  it('takes the text of an HTML-only letter, and gives a letter without Message-ID a stable one', async () => {
    const source = raw(`From: b@example.org\nTo: x@example.org\nSubject: Hi\nContent-Type: text/html`, '<p>Price <b>list</b>, please</p>');
    const [a, b] = [await parseLetter(source), await parseLetter(source)];
    expect(a.text).toContain('Price');
    expect(a.text).toContain('list');
    expect(a.messageId).toMatch(/^<[0-9a-f]{32}@no-message-id>$/);
    expect(b.messageId).toBe(a.messageId);
    expect(a.references).toEqual([]);
  });

  it('finds the account of its mailbox, in any case, and nothing else', () => {
    const accountId = '01JABCDEFGHJKMNPQRSTVWXYZ0';
    expect(mailboxOf(accountId)).toBe('01jabcdefghjkmnpqrstvwxyz0@mail.crm.localhost');
    expect(accountOfMailbox('01JABCDEFGHJKMNPQRSTVWXYZ0@MAIL.crm.localhost')).toBe(accountId);
    expect(accountOfMailbox('01jabcdefghjkmnpqrstvwxyz0@other.example')).toBeNull();
    expect(accountOfMailbox('sales@mail.crm.localhost')).toBeNull();
    expect(accountOfMailbox('not an address')).toBeNull();
  });
});
