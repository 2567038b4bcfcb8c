// Telephony's code: the call report in, and click-to-call out through Asterisk ARI.
import { CallReport } from '@crm/contract/widgets';
import { addNote, listContactLeads, phoneDigits, type Caller } from '@crm/core';
import { findContactByPhoneOrEmail, receiveIncoming } from '../desk.ts';
import { callService, ServiceFailed } from '../http.ts';
import type { ActionRequest, InboundRequest, WidgetContext, WidgetModule } from '../widget.ts';

const minutes = (sec: number) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

export function callNoteText(report: CallReport): string {
  const who = report.direction === 'in' ? `Incoming call from ${report.from}` : `Outgoing call to ${report.to}`;
  return [`${who}, ${minutes(report.durationSec)}`, report.recordingUrl && `Recording: ${report.recordingUrl}`].filter(Boolean).join('\n');
}

/** The contact's open lead the note goes on (the first one linked), else the contact itself. */
async function noteTarget(caller: Caller, contactId: string) {
  const { items } = await listContactLeads(caller, contactId, { limit: 50 });
  const open = items.find((l) => l.status === 'open');
  return open ? { type: 'lead' as const, id: open.id } : { type: 'contact' as const, id: contactId };
}

export const inbound: WidgetModule['inbound'] = async (ctx: WidgetContext, request: InboundRequest) => {
  let json: unknown;
  try {
    json = JSON.parse(request.body || '{}');
  } catch {
    return { status: 400, body: { title: 'The body is not valid JSON' } };
  }
  const parsed = CallReport.safeParse(json);
  if (!parsed.success) return { status: 400, body: { title: 'Not a call report', errors: parsed.error.issues } };
  const report = parsed.data;
  const phone = report.direction === 'in' ? report.from : report.to;
  const contact = await findContactByPhoneOrEmail(ctx.accountId, { phone });
  if (contact) {
    const note = await addNote(ctx.caller, await noteTarget(ctx.caller, contact.contactId), {
      type: report.direction === 'in' ? 'call_in' : 'call_out',
      text: callNoteText(report),
    });
    return { status: 202, body: { result: 'note', id: note.id } };
  }
  const incoming = await receiveIncoming(
    ctx.accountId,
    {
      source: 'call',
      phone,
      message: callNoteText(report),
      meta: { direction: report.direction, durationSec: report.durationSec, recordingUrl: report.recordingUrl ?? null },
    },
    { actor: ctx.caller.actor },
  );
  return { status: 202, body: { result: 'incoming', id: incoming.id } };
};

/** Click-to-call: ARI rings the operator's line, then dials the customer in the dialplan context. */
async function call(ctx: WidgetContext, { input }: ActionRequest) {
  const settings = ctx.settings as { ariUrl: string; ariUser: string; ariPassword: string; operatorEndpoint: string; context: string };
  const number = String(input.phone);
  if (phoneDigits(number).length < 3) throw new ServiceFailed('The number has too few digits to dial');
  const url = new URL('ari/channels', settings.ariUrl.endsWith('/') ? settings.ariUrl : `${settings.ariUrl}/`);
  url.search = new URLSearchParams({
    endpoint: settings.operatorEndpoint,
    extension: phoneDigits(number),
    context: settings.context,
    priority: '1',
    callerId: number,
  }).toString();
  const answer = await callService({
    method: 'POST',
    url: url.toString(),
    basicAuth: { user: settings.ariUser, password: settings.ariPassword },
  });
  if (answer.status !== 200) throw new ServiceFailed(`The PBX refused the call (${answer.status})`);
  const channel = answer.body as { id?: string; state?: string };
  return { channelId: channel.id ?? null, state: channel.state ?? null };
}

export const actions: WidgetModule['actions'] = { call };
