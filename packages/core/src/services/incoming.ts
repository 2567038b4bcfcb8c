// Incoming requests ("unsorted"): every source (web forms, telephony, mail, chats) hands what
// it got to receiveIncoming; a person then accepts a request (a lead with its contact, the
// known one by phone or e-mail), attaches it to a lead that exists, or declines it. The
// number of new requests is a counter kept in each request's transaction (the desktop's figure).
import type { EntityItem } from 'electrodb';
import type { Actor, Incoming, IncomingAccept, IncomingListQuery, Lead } from '@crm/contract';
import { IncomingInput } from '@crm/contract/incoming';
import type { z } from 'zod';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import type { IncomingEntity } from '../entities/incoming.ts';
import { conflict, DomainError, forbidden, invalid } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { emailKey, phoneDigits } from '../model/phones.ts';
import { stampsOf } from '../model/stamps.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { may, scopeOf } from '../rights.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { update, type Write } from '../write/write.ts';
import { createContact, getContact, patchContact } from './contacts.ts';
import { createLead, getLead, patchLead } from './leads.ts';
import { addNote } from './notes.ts';

export type IncomingItem = EntityItem<typeof IncomingEntity>;

export const toIncoming = (i: IncomingItem): Incoming => ({
  id: i.incomingId,
  source: i.source as Incoming['source'],
  status: i.status,
  name: i.name ?? null,
  phone: i.phone ?? null,
  email: i.email ?? null,
  message: i.message ?? null,
  fields: (i.fields ?? {}) as Incoming['fields'],
  meta: (i.meta ?? {}) as Incoming['meta'],
  contactId: i.contactId ?? null,
  responsibleUserId: i.responsibleUserId ?? null,
  pipelineId: i.pipelineId ?? null,
  stageId: i.stageId ?? null,
  leadId: i.leadId ?? null,
  decidedAt: i.decidedAt ?? null,
  decidedBy: i.decidedBy ?? null,
  ...stampsOf(i),
});

const NEW_COUNT_KEY = 'incoming#new';

/** Moves the account's count of new requests as a request arrives or is decided. */
function newCountWrites(before: IncomingItem | null, after: IncomingItem | null): Write[] {
  const delta = Number(after?.status === 'new') - Number(before?.status === 'new');
  if (delta === 0) return [];
  const accountId = (after ?? before)!.accountId;
  return [update(db.counter.update({ accountId, key: NEW_COUNT_KEY }).add({ count: delta }).params())];
}

const requests = aggregate({
  type: 'incoming',
  label: 'Incoming request',
  dataKey: 'incoming',
  read: async (caller, incomingId, consistent) =>
    (await db.incoming.get({ accountId: caller.accountId, incomingId }).go({ consistent })).data,
  store: entityStore<IncomingItem>(db.incoming, (i) => ({ accountId: i.accountId, incomingId: i.incomingId })),
  toContract: toIncoming,
  tracked: ['status', 'leadId', 'contactId'],
  alongside: (_caller, before, after) => newCountWrites(before, after),
});

/** Whoever may see leads sees the requests that would become leads; whoever may change some takes them. */
function requireIncomingRight(caller: Caller, action: 'view' | 'edit') {
  if (scopeOf(caller, 'leads', action) === 'none') throw forbidden();
}

// ---- Finding the client ----

/**
 * The contact that has this phone or e-mail (the phone first), through the claims that keep
 * contacts free of duplicates: one or two GetItems and the contact's. Null when nobody has them.
 */
export async function findContactByPhoneOrEmail(accountId: string, { phone, email }: { phone?: string | null; email?: string | null }) {
  const lookups = [
    ...(phone && phoneDigits(phone) ? [{ kind: 'phone' as const, value: phoneDigits(phone) }] : []),
    ...(email ? [{ kind: 'email' as const, value: emailKey(email) }] : []),
  ];
  for (const claim of lookups) {
    const { data } = await db.contactClaim.get({ accountId, ...claim }).go({ consistent: true });
    const contactId = [...(data?.holders ?? [])].sort()[0];
    if (!contactId) continue;
    const contact = (await db.contact.get({ accountId, contactId }).go()).data;
    if (contact) return contact;
  }
  return null;
}

/** Who takes a request nobody was named for: the account's first active administrator. */
async function defaultResponsible(accountId: string) {
  const { data } = await db.user.query
    .byId({ accountId })
    .where((a, op) => `${op.eq(a.role, 'admin')} AND ${op.eq(a.active, true)}`)
    .go({ limit: 1, pages: 'all', attributes: ['userId'] });
  return data[0]?.userId;
}

// ---- Receiving ----

export interface ReceiveOptions {
  /** Who the event log names: the form, the widget (default `integration` of the source). */
  actor?: Actor;
  /** A source's own id of what it got (a call's id, a Message-ID): a redelivery answers the first request. */
  dedupKey?: string;
}

/**
 * THE entry of every source: stores the request (status new) with the contact its phone or
 * e-mail already belongs to, and emits `incoming.received`. The input is checked here, so a
 * widget's bad payload is a 400-like `invalid`, never a half-written request.
 */
export async function receiveIncoming(accountId: string, input: IncomingInput, options: ReceiveOptions = {}): Promise<Incoming> {
  const parsed = IncomingInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      'The incoming request is not valid',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
    );
  }
  const request = parsed.data;
  if (!request.name && !request.phone && !request.email && !request.message) {
    throw invalid('An incoming request needs a name, phone, e-mail or message');
  }
  const actor = options.actor ?? { type: 'integration' as const, id: request.source };
  const caller: Caller = { accountId, userId: actor.id, role: 'admin', groupId: null, actor };
  const writeOptions: WriteOptions | undefined = options.dedupKey
    ? { idempotency: { key: `incoming#${request.source}#${options.dedupKey}`, requestHash: request.source } }
    : undefined;
  return requests.create(
    caller,
    writeOptions,
    async () => {
      const known = await findContactByPhoneOrEmail(accountId, request);
      const at = now();
      const item: IncomingItem = {
        accountId,
        incomingId: newId(),
        source: request.source,
        status: 'new',
        name: request.name || undefined,
        phone: request.phone || undefined,
        email: request.email || undefined,
        message: request.message || undefined,
        fields: request.fields ?? {},
        meta: request.meta ?? {},
        contactId: known?.contactId,
        responsibleUserId: request.responsibleUserId ?? known?.responsibleUserId ?? (await defaultResponsible(accountId)),
        pipelineId: request.pipelineId,
        stageId: request.stageId,
        createdAt: at,
        updatedAt: at,
        createdBy: actor.id,
        version: 1,
      };
      return { item };
    },
    { event: 'received' },
  );
}

// ---- Reading ----

export async function getIncoming(caller: Caller, id: string) {
  requireIncomingRight(caller, 'view');
  return requests.get(caller, id);
}

export async function countNewIncoming(accountId: string) {
  const { data } = await db.counter.get({ accountId, key: NEW_COUNT_KEY }).go();
  return Math.max(0, data?.count ?? 0);
}

/** Newest first; `status` reads its own index, so a page of new requests is one Query. */
export async function listIncoming(caller: Caller, query: IncomingListQuery) {
  requireIncomingRight(caller, 'view');
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const { accountId } = caller;
  const [page, newCount] = await Promise.all([
    pageOf(
      (o) =>
        query.status
          ? db.incoming.query.byStatus({ accountId, status: query.status }).go({ ...o, order: 'desc' })
          : db.incoming.query.byId({ accountId }).go({ ...o, order: 'desc' }),
      { limit: query.limit, cursor },
      toIncoming,
    ),
    countNewIncoming(accountId),
  ]);
  return { ...page, newCount };
}

// ---- Deciding ----

async function readNew(caller: Caller, id: string) {
  requireIncomingRight(caller, 'edit');
  const current = await requests.read(caller, id, true);
  if (current.status !== 'new') throw conflict(`The request was ${current.status} already`, { status: current.status });
  return current;
}

/** Marks the request decided; a concurrent decision of the same request loses with a 409. */
function decide(caller: Caller, id: string, status: 'accepted' | 'declined', links: { leadId?: string; contactId?: string } = {}) {
  return requests.change(
    caller,
    id,
    undefined,
    (current) => {
      if (current.status !== 'new') throw conflict(`The request was ${current.status} already`, { status: current.status });
      return {
        next: {
          ...current,
          status,
          leadId: links.leadId ?? current.leadId,
          contactId: links.contactId ?? current.contactId,
          decidedAt: now(),
          decidedBy: caller.userId,
        },
      };
    },
    { event: status, consistent: true },
  );
}

/** The responsible of what a request becomes: its own when the caller may give it to them, else the caller. */
const responsibleFor = (caller: Caller, request: IncomingItem) =>
  request.responsibleUserId && may(caller, 'leads', 'edit', { userId: request.responsibleUserId })
    ? request.responsibleUserId
    : caller.userId;

/** Keys that make a retried accept reuse what its first attempt made, so nothing is made twice. */
const stepKey = (request: IncomingItem, step: string): WriteOptions => ({
  idempotency: { key: `incoming#${request.incomingId}#${step}`, requestHash: step },
});

const clientNameOf = (r: IncomingItem) => r.name || r.phone || r.email || 'Unknown';

/**
 * The request's contact: the one its phone or e-mail belongs to now (it may have come since the
 * request did), given what it lacks; else a new one.
 */
async function contactOf(caller: Caller, request: IncomingItem, responsibleUserId: string): Promise<string | undefined> {
  if (!request.name && !request.phone && !request.email) return undefined;
  const known =
    (await findContactByPhoneOrEmail(caller.accountId, request)) ??
    (request.contactId ? ((await db.contact.get({ accountId: caller.accountId, contactId: request.contactId }).go()).data ?? null) : null);
  if (known) {
    const contact = await getContact(caller, known.contactId);
    const phones = request.phone && !contact.phones.some((p) => phoneDigits(p.value) === phoneDigits(request.phone!));
    const emails = request.email && !contact.emails.some((e) => emailKey(e.value) === emailKey(request.email!));
    if ((phones || emails) && contact.phones.length < 10 && contact.emails.length < 10) {
      await patchContact(
        caller,
        contact.id,
        {
          ...(phones && { phones: [...contact.phones, { value: request.phone!, type: 'work' }] }),
          ...(emails && { emails: [...contact.emails, { value: request.email!, type: 'work' }] }),
        },
        { allowDuplicate: false },
      ).catch((err) => {
        // Another contact has the other value: the request still joins the one it matched.
        if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
      });
    }
    return contact.id;
  }
  try {
    const created = await createContact(
      caller,
      {
        name: clientNameOf(request),
        phones: request.phone ? [{ value: request.phone, type: 'work' }] : [],
        emails: request.email ? [{ value: request.email, type: 'work' }] : [],
        responsibleUserId,
      },
      { allowDuplicate: false },
      stepKey(request, 'contact'),
    );
    return created.id;
  } catch (err) {
    // Made by someone else a moment ago: join that one.
    const existingId = err instanceof DomainError && err.kind === 'conflict' ? (err.extra?.existingId as string | undefined) : undefined;
    if (!existingId) throw err;
    return existingId;
  }
}

/** The request's words on the lead's timeline: its message, its other fields, where it came from. */
function noteOf(request: IncomingItem): string | undefined {
  const fields = Object.entries((request.fields ?? {}) as Record<string, string>).map(([k, v]) => `${k}: ${v}`);
  const meta = request.meta as Record<string, unknown> | undefined;
  const from = typeof meta?.pageUrl === 'string' ? [`Page: ${meta.pageUrl}`] : [];
  const lines = [request.message, ...fields, ...from].filter(Boolean);
  return lines.length ? lines.join('\n').slice(0, 20_000) : undefined;
}

async function addRequestNote(caller: Caller, request: IncomingItem, leadId: string) {
  const text = noteOf(request);
  if (text) await addNote(caller, { type: 'lead', id: leadId }, { text, type: 'common' }, stepKey(request, `note#${leadId}`));
}

/** Accepts a request: a lead (where asked, else where its form said, else the default pipeline) with its contact. */
export async function acceptIncoming(caller: Caller, id: string, input: z.output<typeof IncomingAccept>): Promise<Lead> {
  const request = await readNew(caller, id);
  const responsibleUserId = responsibleFor(caller, request);
  const contactId = await contactOf(caller, request, responsibleUserId);
  const pipelineId = input.pipelineId ?? request.pipelineId;
  const stageId = input.stageId ?? (input.pipelineId && input.pipelineId !== request.pipelineId ? undefined : request.stageId);
  const form = (request.meta as { formName?: unknown } | undefined)?.formName;
  const lead = await createLead(
    caller,
    {
      name: clientNameOf(request).slice(0, 255),
      pipelineId,
      stageId,
      responsibleUserId,
      ...(contactId && { contactIds: [contactId], mainContactId: contactId }),
      source: (typeof form === 'string' ? `${request.source}: ${form}` : request.source).slice(0, 100),
    },
    stepKey(request, 'lead'),
  );
  await addRequestNote(caller, request, lead.id);
  await decide(caller, id, 'accepted', { leadId: lead.id, contactId });
  return getLead(caller, lead.id);
}

/** Accepts a request into a lead that exists: its contact joins the lead's contacts, its message becomes a note. */
export async function attachIncoming(caller: Caller, id: string, input: { leadId: string }): Promise<Lead> {
  const request = await readNew(caller, id);
  const lead = await getLead(caller, input.leadId).catch((err) => {
    if (err instanceof DomainError && err.kind === 'not_found') {
      throw invalid('No lead with this id', [{ path: 'leadId', message: 'unknown lead' }]);
    }
    throw err;
  });
  const contactId = await contactOf(caller, request, responsibleFor(caller, request));
  if (contactId && !lead.contactIds.includes(contactId)) {
    await patchLead(caller, lead.id, {
      contactIds: [...lead.contactIds, contactId],
      ...(!lead.mainContactId && { mainContactId: contactId }),
    });
  }
  await addRequestNote(caller, request, lead.id);
  await decide(caller, id, 'accepted', { leadId: lead.id, contactId });
  return getLead(caller, lead.id);
}

export async function declineIncoming(caller: Caller, id: string): Promise<Incoming> {
  await readNew(caller, id);
  return decide(caller, id, 'declined');
}
