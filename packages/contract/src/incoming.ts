// Incoming requests (amoCRM's "unsorted"): what a web form, a call, a letter or a chat message
// from someone not yet in the CRM brings in, waiting for a person to accept it (a lead and a
// contact), attach it to a lead that exists, or decline it.
import * as z from 'zod';
import { Email } from './accounts.ts';
import { EntityBase, Id, ListQuery, Timestamp } from './common.ts';
import { text } from './text.ts';

export const INCOMING_SOURCES = ['form', 'call', 'mail', 'chat', 'sms', 'api'] as const;
export const IncomingSource = z.enum(INCOMING_SOURCES);
export type IncomingSource = z.infer<typeof IncomingSource>;

export const INCOMING_STATUSES = ['new', 'accepted', 'declined'] as const;
export const IncomingStatus = z.enum(INCOMING_STATUSES);

/** Where a request came from beyond its source: the form, its page and UTM marks, the call, the chat. */
export const IncomingMeta = z.record(z.string(), z.unknown());

export const Incoming = EntityBase.extend({
  source: IncomingSource,
  status: IncomingStatus,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  message: z.string().nullable(),
  /** Further fields as sent (a form's own fields), by name. */
  fields: z.record(z.string(), z.string()),
  meta: IncomingMeta,
  /** The contact this phone or e-mail belonged to when the request came, if any. */
  contactId: Id.nullable(),
  /** Who is to take it: the form's responsible (fixed or round robin), else an administrator. */
  responsibleUserId: Id.nullable(),
  /** Where an accepted request's lead goes unless the one accepting says otherwise. */
  pipelineId: Id.nullable(),
  stageId: Id.nullable(),
  /** The lead it became or was attached to. */
  leadId: Id.nullable(),
  decidedAt: Timestamp.nullable(),
  decidedBy: z.string().nullable(),
});
export type Incoming = z.infer<typeof Incoming>;

export const IncomingListQuery = ListQuery.extend({ status: IncomingStatus.optional() });
export type IncomingListQuery = z.output<typeof IncomingListQuery>;
export const IncomingPage = z.object({
  items: z.array(Incoming),
  nextCursor: z.string().nullable(),
  /** How many requests wait (status new) in the account: a counter, kept with each request. */
  newCount: z.number().int().min(0),
});

export const IncomingAccept = z.strictObject({ pipelineId: Id.optional(), stageId: Id.optional() });
export const IncomingAttach = z.strictObject({ leadId: Id });

/** What a source hands the CRM (core `receiveIncoming`); the fields are bounded like any request's. */
export const IncomingInput = z.strictObject({
  source: IncomingSource,
  name: text({ max: 255 }).optional(),
  phone: text({ max: 50 }).optional(),
  email: Email.optional(),
  message: text({ max: 10_000, multiline: true }).optional(),
  fields: z.record(text({ min: 1, max: 100 }), text({ max: 2000, multiline: true })).optional(),
  meta: IncomingMeta.optional(),
  responsibleUserId: Id.optional(),
  pipelineId: Id.optional(),
  stageId: Id.optional(),
});
export type IncomingInput = z.input<typeof IncomingInput>;
