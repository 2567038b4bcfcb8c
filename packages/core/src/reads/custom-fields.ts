// The account's custom-field definitions, as the checks of record writes and the admin's editor read them.
import type { RecordCollection } from '@crm/contract';
import { db } from '../db.ts';
import { sharedRead } from '../read-memo.ts';

/** Every field of a collection: one consistent Query, so a field created a moment ago applies. */
export function fieldsOf(accountId: string, entityType: RecordCollection) {
  return sharedRead(`fields ${accountId} ${entityType}`, async () => {
    const { data } = await db.customField.query.byCollection({ accountId, entityType }).go({ pages: 'all', consistent: true });
    return data;
  });
}

/** A field by id alone: the account has at most 3 x MAX_CUSTOM_FIELDS of them. */
export async function fieldById(accountId: string, fieldId: string) {
  const { data } = await db.customField.query
    .byCollection({ accountId })
    .where((a, op) => op.eq(a.fieldId, fieldId))
    .go({ pages: 'all', consistent: true });
  return data[0];
}
