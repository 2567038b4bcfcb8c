// SMS's code: send through the gateway (Twilio's Messages API), record the message as an `sms`
// note, and turn the gateway's signed status callbacks into `sms.status_changed` on the timeline.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RecordRef } from '@crm/contract';
import { addNote, getLead, recordWidgetEvent } from '@crm/core';
import { callService, ServiceFailed } from '../http.ts';
import { widgetConsumer } from '../consume.ts';
import type { ActionRequest, InboundRequest, WidgetContext, WidgetModule } from '../widget.ts';
import { manifest } from './manifest.ts';

interface SmsSettings {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
}

/** The status callback names the record in its last segment: `contact-<id>` or `lead-<id>`. */
const hookOf = (record: RecordRef) => `${record.type}-${record.id}`;
const recordOfHook = (hook: string | null): RecordRef | null => {
  const m = /^(contact|lead)-([A-Za-z0-9_]+)$/.exec(hook ?? '');
  return m ? { type: m[1] as 'contact' | 'lead', id: m[2]! } : null;
};

/** Twilio's request signature: base64 HMAC-SHA1 of the URL and the sorted form fields, keyed by the auth token. */
export function twilioSignature(authToken: string, url: string, form: URLSearchParams): string {
  const keys = [...new Set(form.keys())].sort();
  const data = url + keys.map((k) => k + form.getAll(k).join('')).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export async function sendSms(ctx: WidgetContext, record: RecordRef, to: string, text: string) {
  const s = ctx.settings as unknown as SmsSettings;
  const base = s.apiUrl.endsWith('/') ? s.apiUrl : `${s.apiUrl}/`;
  const url = new URL(`2010-04-01/Accounts/${encodeURIComponent(s.accountSid)}/Messages.json`, base);
  const form = new URLSearchParams({ To: to, From: s.from, Body: text });
  if (ctx.publicApiUrl) form.set('StatusCallback', `${ctx.publicApiUrl}/inbound/sms/${ctx.inboundKey}/${hookOf(record)}`);
  const answer = await callService({
    method: 'POST',
    url: url.toString(),
    basicAuth: { user: s.accountSid, password: s.authToken },
    body: form,
  });
  const message = answer.body as { sid?: string; status?: string; message?: string };
  if (answer.status !== 201 && answer.status !== 200) {
    throw new ServiceFailed(`The SMS gateway refused the message (${answer.status}${message?.message ? `: ${message.message}` : ''})`);
  }
  const note = await addNote(ctx.caller, record, { type: 'sms', text: `SMS to ${to}: ${text}` });
  return { messageId: message.sid ?? null, status: message.status ?? 'queued', noteId: note.id };
}

export const actions: WidgetModule['actions'] = {
  send: (ctx: WidgetContext, { entity, input }: ActionRequest) => sendSms(ctx, entity, String(input.phone), String(input.text)),
};

export const inbound: WidgetModule['inbound'] = async (ctx: WidgetContext, request: InboundRequest) => {
  const record = recordOfHook(request.hook);
  if (!record || !/^application\/x-www-form-urlencoded/i.test(request.contentType)) return { status: 404, body: { title: 'Not found' } };
  const form = new URLSearchParams(request.body);
  const sent = Buffer.from(request.headers['x-twilio-signature'] ?? '');
  const expected = Buffer.from(twilioSignature((ctx.settings as unknown as SmsSettings).authToken, request.url, form));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return { status: 403, body: { title: 'Bad signature' } };
  const messageId = form.get('MessageSid') ?? form.get('SmsSid');
  const status = form.get('MessageStatus') ?? form.get('SmsStatus');
  if (!messageId || !status) return { status: 400, body: { title: 'MessageSid and MessageStatus are required' } };
  await recordWidgetEvent(ctx.caller, {
    type: 'sms.status_changed',
    entity: record,
    data: { sms: { messageId, to: form.get('To') ?? '', status, noteId: null } },
  });
  return { status: 200, body: {} };
};

/** An automation's `send_sms` action: to the lead's main contact's first phone. */
export const handler = widgetConsumer(manifest, async (event, ctx) => {
  if (event.type !== 'sms.requested') return;
  const { text, phone } = event.data as { text: string; phone?: string | null };
  const lead = await getLead(ctx.caller, event.entity.id);
  if (!phone) return void console.warn(JSON.stringify({ message: 'No phone to send the SMS to', leadId: lead.id }));
  await sendSms(ctx, { type: 'lead', id: lead.id }, phone, text);
});
