// Contacts: the people of the client base, de-duplicated by phone and e-mail.
import * as z from 'zod';
import { Email } from './accounts.ts';
import { BoolParam, CustomFieldValues, EntityBase, Id, ListQuery, Name, Tag, Timestamp } from './common.ts';
import { LeadStatus } from './leads.ts';
import { text } from './text.ts';

const PointType = text({ min: 1, max: 30 });

/** A phone as written; `type` is free text such as mobile, work, home. */
export const PhoneEntry = z.object({ value: z.string(), type: z.string() });
export const EmailEntry = z.object({ value: z.string(), type: z.string() });

export const PhoneInput = z.strictObject({ value: text({ min: 1, max: 50 }), type: PointType.default('work') });
export const EmailInput = z.strictObject({
  value: Email,
  type: PointType.default('work'),
});
const Position = text({ max: 255 });
export const Phones = z.array(PhoneInput).max(10);
export const Emails = z.array(EmailInput).max(10);
/** Bounded so that a record's change, its delete included, fits one transaction. */
export const Tags = z.array(Tag).max(20);

/** When the nearest open task of the record falls due; null without one. */
export const NearestTaskAt = Timestamp.nullable();

export const Contact = EntityBase.extend({
  name: z.string(),
  phones: z.array(PhoneEntry),
  emails: z.array(EmailEntry),
  position: z.string().nullable(),
  companyId: Id.nullable(),
  responsibleUserId: Id,
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  nearestTaskAt: NearestTaskAt,
});
export type Contact = z.infer<typeof Contact>;

export const ContactCreate = z.strictObject({
  name: Name,
  phones: Phones.optional(),
  emails: Emails.optional(),
  position: Position.optional(),
  companyId: Id.optional(),
  responsibleUserId: Id.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
});

export const ContactPatch = z.strictObject({
  name: Name.optional(),
  phones: Phones.optional(),
  emails: Emails.optional(),
  position: Position.nullable().optional(),
  companyId: Id.nullable().optional(),
  responsibleUserId: Id.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
});

/** `?allowDuplicate=true` lets a write keep a phone or e-mail another contact has. */
export const ContactWriteQuery = z.strictObject({ allowDuplicate: BoolParam.optional() });

/** List orders of contacts and companies; `nearestTask` puts records without a task last. */
export const CLIENT_SORTS = ['createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'name', '-name', 'nearestTask'] as const;

export const ContactListQuery = ListQuery.extend({
  q: text({ min: 1, max: 100 }).optional(),
  phone: text({ min: 1, max: 50 }).optional(),
  email: text({ min: 1, max: 254 }).optional(),
  companyId: Id.optional(),
  responsibleUserId: Id.optional(),
  tag: Tag.optional(),
  sort: z.enum(CLIENT_SORTS).default('-createdAt'),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

/** A lead as a contact's card lists it: a snapshot kept on the link, read in one Query. */
export const LinkedLead = z.object({
  id: Id,
  name: z.string(),
  price: z.number(),
  pipelineId: Id,
  stageId: Id,
  status: LeadStatus,
  isMain: z.boolean(),
});
export type LinkedLead = z.infer<typeof LinkedLead>;
