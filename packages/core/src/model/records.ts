// Leads, contacts and companies are the records that tasks, notes, timelines, tags, search
// and custom fields belong to: their kinds and the names each layer knows them by.
import type { RecordCollection, RecordRef } from '@crm/contract';
import type { RightEntity } from '../rights.ts';

export type RecordKind = RecordRef['type'];

/** A stored item as the services hold it (ElectroDB attributes), or null when absent. */
export type Stored = Record<string, unknown> & { accountId: string };

export const COLLECTION_OF: Record<RecordKind, RecordCollection & RightEntity> = {
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
};

/** What a 404 or a 400 on a linked id calls the record. */
export const LABEL_OF: Record<RecordKind, string> = { lead: 'Lead', contact: 'Contact', company: 'Company' };

/** Tags as stored: each once, in the order given. */
export const dedupeTags = (tags: string[]) => [...new Set(tags)];
