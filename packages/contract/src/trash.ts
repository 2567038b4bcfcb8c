// The trash: deleted leads, contacts and companies, restorable for 30 days with their links.
import * as z from 'zod';
import { Id, ListQuery, Timestamp } from './common.ts';
import { Company } from './companies.ts';
import { Contact } from './contacts.ts';
import { Lead } from './leads.ts';

export const TRASH_TYPES = ['lead', 'contact', 'company'] as const;
export const TrashEntityType = z.enum(TRASH_TYPES);
export type TrashEntityType = z.infer<typeof TrashEntityType>;

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

export const TrashListQuery = ListQuery.extend({ entityType: TrashEntityType.optional() });
export type TrashListQuery = z.infer<typeof TrashListQuery>;

export const Restored = z.union([Lead, Contact, Company]);
