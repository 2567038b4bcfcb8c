// Reading leads, contacts and companies: as the records that tasks, notes and timelines belong
// to, several at once by id, and a contact's links to its leads.
import type { RecordRef } from '@crm/contract';
import type { Caller } from '../context.ts';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, dynamo } from '../db.ts';
import { invalid, notFound } from '../errors.ts';
import { primeSharedRead, sharedRead } from '../read-memo.ts';
import { COLLECTION_OF, LABEL_OF } from '../model/records.ts';
import { requireRight } from '../rights.ts';

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
  if (!record) throw notFound(LABEL_OF[ref.type]);
  requireRight(caller, COLLECTION_OF[ref.type], 'view', { userId: record.responsibleUserId });
  return record;
}

/** A record named in a request body (e.g. a task's `entity`): unknown is a 400 on that field. */
export async function requireLinkableRecord(caller: Caller, ref: RecordRef, path: string) {
  const record = await getRecordItem(caller.accountId, ref);
  if (!record) throw invalid(`${LABEL_OF[ref.type]} not found`, [{ path, message: `no ${ref.type} with this id` }]);
  requireRight(caller, COLLECTION_OF[ref.type], 'view', { userId: record.responsibleUserId });
  return record;
}

const BATCH_GET_KEYS = 100;

/**
 * The names of the records a page refers to, with one BatchGetItem per 100 of them (a list
 * page needs one), so a list can show them without a request per row. Keyed `type:id`.
 */
export async function recordNames(accountId: string, refs: RecordRef[]): Promise<Map<string, string>> {
  const unique = [...new Map(refs.map((r) => [`${r.type}:${r.id}`, r])).values()];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += BATCH_GET_KEYS) {
    const chunk = unique.slice(i, i + BATCH_GET_KEYS);
    const table = (recordEntity(chunk[0].type).get(recordKey(accountId, chunk[0])).params() as { TableName: string }).TableName;
    let keys = chunk.map((ref) => (recordEntity(ref.type).get(recordKey(accountId, ref)).params() as { Key: Record<string, unknown> }).Key);
    // DynamoDB may leave some keys unprocessed under load; a few more rounds, then go without.
    for (let round = 0; keys.length && round < 3; round++) {
      const answer = await dynamo.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: {
              Keys: keys,
              ProjectionExpression: '#e, #n, leadId, contactId, companyId',
              ExpressionAttributeNames: { '#e': '__edb_e__', '#n': 'name' },
            },
          },
        }),
      );
      for (const item of answer.Responses?.[table] ?? []) {
        const type = item.__edb_e__ as RecordRef['type'];
        names.set(`${type}:${item[`${type}Id`]}`, item.name as string);
      }
      keys = (answer.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return names;
}

/** BatchGet, retrying the keys DynamoDB left unprocessed; absent records are simply missing. */
export async function batchGet<K, T>(run: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>, keys: K[]): Promise<T[]> {
  const found: T[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length && attempt < 5; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const { data, unprocessed } = await run(pending);
    found.push(...data);
    pending = unprocessed;
  }
  if (pending.length) throw new Error('DynamoDB left keys of a BatchGet unprocessed');
  return found;
}

/** ElectroDB's batch get takes at most 100 keys per call; ours are capped far below. */
export const leadsByIds = (accountId: string, ids: string[], consistent = false) =>
  ids.length
    ? batchGet(
        (keys) => db.lead.get(keys).go({ consistent }),
        ids.map((leadId) => ({ accountId, leadId })),
      )
    : Promise.resolve([]);

export const contactsByIds = (accountId: string, ids: string[], consistent = false) =>
  ids.length
    ? batchGet(
        (keys) => db.contact.get(keys).go({ consistent }),
        ids.map((contactId) => ({ accountId, contactId })),
      )
    : Promise.resolve([]);

export const companiesByIds = (accountId: string, ids: string[], consistent = false) =>
  ids.length
    ? batchGet(
        (keys) => db.company.get(keys).go({ consistent }),
        ids.map((companyId) => ({ accountId, companyId })),
      )
    : Promise.resolve([]);

const companyRead = (accountId: string, companyId: string) => `company ${accountId} ${companyId}`;

export function companyExists(accountId: string, companyId: string) {
  return sharedRead(companyRead(accountId, companyId), async () => !!(await db.company.get({ accountId, companyId }).go()).data);
}

/** A bulk writer that has just made or found the company tells the reads it shares (read-memo.ts). */
export const companyKnown = (accountId: string, companyId: string) => primeSharedRead(companyRead(accountId, companyId), true);

/** A contact's links, newest lead first: one Query on the link items under the contact. */
export const contactLinks = (
  accountId: string,
  contactId: string,
  opts: { limit: number; cursor?: string; count?: number; order?: 'asc' | 'desc'; consistent?: boolean },
) => db.contactLead.query.byContact({ accountId, contactId }).go({ order: 'desc', ...opts });
