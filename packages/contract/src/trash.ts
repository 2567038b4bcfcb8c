// The trash: deleted leads, contacts and companies, restorable for 30 days with their links.
import * as z from 'zod';
import { Id, ListQuery, Timestamp } from './common.ts';
import { Company } from './companies.ts';
import { Contact } from './contacts.ts';
import { Lead } from './leads.ts';

export const TRASH_TYPES = ['lead', 'contact', 'company'] as const;
export const TrashEntityType = z.enum(TRASH_TYPES);
export type TrashEntityType = z.infer<typeof TrashEntityType>;

/**
 * How a client may name the type in a path or query: the event log's singular (`lead`) or the
 * collection's plural (`leads`, as custom fields and tags take it); both mean the same.
 */
const PLURALS = { leads: 'lead', contacts: 'contact', companies: 'company' } as const;
export const TrashTypeParam = z
  .enum([...TRASH_TYPES, 'leads', 'contacts', 'companies'])
  .transform((t): TrashEntityType => (t in PLURALS ? PLURALS[t as keyof typeof PLURALS] : (t as TrashEntityType)));

export const TrashItem = z.object({
  entityType: TrashEntityType,
  id: Id,
  name: z.string(),
  deletedAt: Timestamp,
  deletedBy: z.string(),
  /** When the item is purged for good. */
  expiresAt: Timestamp,
});
export type TrashItem = z.infer<typeof TrashItem>;

export const TrashListQuery = ListQuery.extend({ entityType: TrashTypeParam.optional() });
export type TrashListQuery = z.infer<typeof TrashListQuery>;

export const Restored = z.union([Lead, Contact, Company]);
