// Leads, contacts and companies as the records that tasks, notes and timelines belong to.
import type { RecordRef } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { invalid, notFound } from '../errors.ts';
import { requireRight, type RightEntity } from '../rights.ts';

const RIGHTS: Record<RecordRef['type'], RightEntity> = { lead: 'leads', contact: 'contacts', company: 'companies' };
const NAMES: Record<RecordRef['type'], string> = { lead: 'Lead', contact: 'Contact', company: 'Company' };

/** What every record kind shares and the tasks service reads and keeps. */
export interface RecordItem {
  responsibleUserId: string;
  version: number;
  nearestTaskAt?: string;
}

/**
 * The three entities have the same attributes under different id names; this gives one
 * typed view of them (the lead's, which has every attribute used here).
 */
export function recordEntity(type: RecordRef['type']) {
  return db[type] as unknown as typeof db.lead;
}

export const recordKey = (accountId: string, ref: RecordRef) =>
  ({ accountId, [`${ref.type}Id`]: ref.id }) as unknown as { accountId: string; leadId: string };

export async function getRecordItem(accountId: string, ref: RecordRef, consistent = false): Promise<RecordItem | null> {
  const { data } = await recordEntity(ref.type).get(recordKey(accountId, ref)).go({ consistent });
  return data;
}

/** The record a note or timeline is read through: it must exist and the caller may view it. */
export async function requireViewableRecord(caller: Caller, ref: RecordRef) {
  const record = await getRecordItem(caller.accountId, ref);
  if (!record) throw notFound(NAMES[ref.type]);
  requireRight(caller, RIGHTS[ref.type], 'view', { userId: record.responsibleUserId });
  return record;
}

/** A record named in a request body (e.g. a task's `entity`): unknown is a 400 on that field. */
export async function requireLinkableRecord(caller: Caller, ref: RecordRef, path: string) {
  const record = await getRecordItem(caller.accountId, ref);
  if (!record) throw invalid(`${NAMES[ref.type]} not found`, [{ path, message: `no ${ref.type} with this id` }]);
  requireRight(caller, RIGHTS[ref.type], 'view', { userId: record.responsibleUserId });
  return record;
}
