// Companies: the organisations contacts work for and leads are made with.
import * as z from 'zod';
import { CustomFieldValues, EntityBase, Id, ListQuery, Name, Tag } from './common.ts';
import { text } from './text.ts';
import { CLIENT_SORTS, EmailEntry, Emails, NearestTaskAt, PhoneEntry, Phones, Tags } from './contacts.ts';

export const Company = EntityBase.extend({
  name: z.string(),
  phones: z.array(PhoneEntry),
  emails: z.array(EmailEntry),
  website: z.string().nullable(),
  address: z.string().nullable(),
  responsibleUserId: Id,
  tags: z.array(z.string()),
  customFields: CustomFieldValues,
  nearestTaskAt: NearestTaskAt,
});
export type Company = z.infer<typeof Company>;

const Website = text({ max: 2000 });
const Address = text({ max: 1000, multiline: true });

export const CompanyCreate = z.strictObject({
  name: Name,
  phones: Phones.optional(),
  emails: Emails.optional(),
  website: Website.optional(),
  address: Address.optional(),
  responsibleUserId: Id.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
});

export const CompanyPatch = z.strictObject({
  name: Name.optional(),
  phones: Phones.optional(),
  emails: Emails.optional(),
  website: Website.nullable().optional(),
  address: Address.nullable().optional(),
  responsibleUserId: Id.optional(),
  tags: Tags.optional(),
  customFields: CustomFieldValues.optional(),
});

export const CompanyListQuery = ListQuery.extend({
  q: text({ min: 1, max: 100 }).optional(),
  responsibleUserId: Id.optional(),
  tag: Tag.optional(),
  sort: z.enum(CLIENT_SORTS).default('-createdAt'),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;
