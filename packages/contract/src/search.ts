// Quick search over leads, contacts and companies: by name prefix, phone digits or e-mail.
// A hit is a small snapshot of the record, enough to show it and open its card.
import * as z from 'zod';
import { Id } from './common.ts';
import { text } from './text.ts';
import { LeadStatus } from './leads.ts';

export const SearchQuery = z.strictObject({
  q: text({ min: 1, max: 100 }),
  /** Most hits per collection. */
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const Channel = z.object({ value: z.string(), type: z.string() });

export const LeadHit = z.object({ id: Id, name: z.string(), price: z.number(), status: LeadStatus });
export const ContactHit = z.object({
  id: Id,
  name: z.string(),
  phones: z.array(Channel),
  emails: z.array(Channel),
  position: z.string().nullable(),
});
export const CompanyHit = z.object({
  id: Id,
  name: z.string(),
  phones: z.array(Channel),
  emails: z.array(Channel),
  website: z.string().nullable(),
});

export const SearchResult = z.object({ leads: z.array(LeadHit), contacts: z.array(ContactHit), companies: z.array(CompanyHit) });
export type SearchResult = z.infer<typeof SearchResult>;
