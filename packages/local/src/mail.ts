// The local stand-in for e-mail: an SMTP server on loopback (smtp-server) that the CRM's mail
// transport sends to (MAIL_SMTP_URL), and that takes letters to the accounts' mailboxes as SES
// receiving would (handed to `onInbound`). Every letter it gets is kept in memory and listed at
// MAIL_VIEW_URL (an HTML page, and JSON at /messages), so sent letters can be looked at.
import { createServer as createHttpServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface SeenLetter {
  /** In arrival order, from 1. */
  seq: number;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: string;
  subject: string;
  text: string;
  /** Whether it went to a CRM mailbox (inbound) rather than out to someone. */
  inbound: boolean;
}

export interface MailOptions {
  /** The domain of the accounts' mailboxes: letters to it are inbound. */
  domain: string;
  /** Takes an inbound letter as the SES receiving Lambda would; a throw answers the client 451 (try later). */
  onInbound(raw: Buffer, recipients: string[]): Promise<void>;
  /** How many letters the list keeps. */
  keep?: number;
  log?: (line: string) => void;
}

const readAll = async (stream: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export async function startMail(opts: MailOptions) {
  const letters: SeenLetter[] = [];
  let seq = 0;
  const domain = opts.domain.toLowerCase();
  const smtp = new SMTPServer({
    // Loopback only, no TLS, no login: a developer's machine and the tests.
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    async onData(stream, session, callback) {
      try {
        const raw = await readAll(stream);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const inbound = to.filter((a) => a.endsWith(`@${domain}`));
        const parsed = await simpleParser(raw, { skipImageLinks: true });
        const refs = typeof parsed.references === 'string' ? [parsed.references] : (parsed.references ?? []);
        letters.push({
          seq: ++seq,
          receivedAt: new Date().toISOString(),
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to },
          messageId: parsed.messageId ?? null,
          inReplyTo: parsed.inReplyTo ?? null,
          references: refs,
          from: parsed.from?.text ?? '',
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          inbound: inbound.length > 0,
        });
        letters.splice(0, Math.max(0, letters.length - (opts.keep ?? 500)));
        if (inbound.length) await opts.onInbound(raw, inbound);
        opts.log?.(`${inbound.length ? 'in' : 'out'}: ${parsed.subject ?? ''} -> ${to.join(', ')}`);
        callback();
      } catch (err) {
        opts.log?.(`letter refused: ${(err as Error).message}`);
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  smtp.on('error', (err) => opts.log?.(`smtp: ${err.message}`));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  const view = createHttpServer((req, res) => {
    if (req.url === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ items: [...letters].reverse() }));
    }
    if (req.url === '/' || req.url === '') {
      const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      const rows = [...letters]
        .reverse()
        .map(
          (l) =>
            `<tr><td>${l.receivedAt}</td><td>${l.inbound ? 'in' : 'out'}</td><td>${esc(l.from)}</td><td>${esc(l.envelope.to.join(', '))}</td><td>${esc(l.subject)}</td><td><pre>${esc(l.text)}</pre></td></tr>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Local mail</title><h1>Local mail</h1><table><thead><tr><th>Received</th><th>Way</th><th>From</th><th>To</th><th>Subject</th><th>Text</th></tr></thead><tbody>${rows}</tbody></table></html>`,
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => view.listen(0, '127.0.0.1', () => resolve()));
  const viewPort = (view.address() as { port: number }).port;
  return {
    letters,
    env: { MAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_VIEW_URL: `http://127.0.0.1:${viewPort}`, MAIL_DOMAIN: domain },
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => view.close(() => resolve()));
    },
  };
}
