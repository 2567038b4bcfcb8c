// Many contacts and companies at once, for the command-counting test and the bench: the
// items alone, put with BatchWriteItem by their table key (as seed-leads.ts puts unindexed
// leads), so that a list walking the partition would read them. None has search terms: a
// list's `q` that goes through the search index does not see them.
import { db } from '@crm/core';
import { putUnindexed } from './seed-leads.ts';

export async function seedClients({ accountId, userId, count }: { accountId: string; userId: string; count: number }) {
  const at = '2026-03-02T10:00:00.000Z';
  const base = (i: number) => ({
    accountId,
    name: `Seed client ${i}`,
    nameFolded: `seed client ${i}`,
    phones: [],
    emails: [],
    phoneDigits: [],
    emailKeys: [],
    responsibleUserId: userId,
    tags: [],
    customFields: {},
    createdAt: at,
    updatedAt: at,
    createdBy: userId,
    version: 1,
    stamp: `01SEEDSTAMP${String(i).padStart(15, '0')}`,
  });
  const id = (prefix: string, i: number) => `01${prefix}${String(i).padStart(20, '0')}`;
  const params = (p: unknown) => p as { Item: Record<string, unknown>; TableName: string };
  await putUnindexed([
    ...Array.from({ length: count }, (_, i) =>
      params(db.contact.put({ ...base(i), contactId: id('SEEDC', i), companyKey: '-' } as never).params()),
    ),
    ...Array.from({ length: count }, (_, i) => params(db.company.put({ ...base(i), companyId: id('SEEDK', i) } as never).params())),
  ]);
}
