// An import whose worker is stopped after a chunk's records are written but before its
// checkpoint, and started again: no row is lost, none is doubled (a row's items have ids fixed by
// the job and the row, so the rerun puts the same items again), and the counters, which move only
// with the checkpoint, come out exactly as if the same records had been typed in by hand.
import { describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config, db, dynamo, newRecount, recountTallies, runImport } from '@crm/core';
import { watchCommands } from '@crm/local/command-watch';
import { useApi, walkIds } from './support/api.ts';

const api = useApi();
// The worker runs in this process (runImport), so its commands go through this client.
const watch = watchCommands(dynamo);

/** A signal that reads as aborted from its `n`th look on: the worker looks once before each checkpoint. */
const stopAtCheckpoint = (n: number) => {
  let looks = 0;
  return {
    get aborted() {
      return ++looks >= n;
    },
  };
};

/** Opens an import of `csv` marked uploaded without the start command, so that the test, not the bus, runs the worker. */
async function openImport(account: Awaited<ReturnType<typeof api.account>>, entityType: string, csv: string) {
  const opened = await account.request('POST', '/api/v1/imports', { entityType, fileName: 'file.csv' });
  expect((await fetch(opened.body.uploadUrl, { method: 'PUT', body: csv })).status).toBe(200);
  const key = { accountId: account.accountId, importId: opened.body.id as string };
  await db.importJob.patch(key).set({ uploaded: true, onDuplicate: 'update', createMissing: true }).go();
  return key;
}

/**
 * The account's counters and tallies, shards summed (`#sN`, and the last part of an open-stage
 * tally), as count and amount per key. `enteredSecs` (when leads entered their stage) is left out:
 * it is the moment, which differs.
 */
async function counters(accountId: string) {
  const out = new Map<string, { count: number; amount: number }>();
  for (const prefix of ['$counter_1#', '$tally_1#']) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(
        new QueryCommand({
          TableName: config.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': `$crm#accountid_${accountId.toLowerCase()}`, ':sk': prefix },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      for (const it of page.Items ?? []) {
        const key = String(it.key)
          .replace(/#s\d+$/, '')
          .replace(/^(open#[^#]+#[^#]+#[^#]+)#\d+$/, '$1');
        // Definitions' versions and the API's request counts are not the records'.
        if (key.startsWith('definitions') || key.startsWith('requests#')) continue;
        const had = out.get(key) ?? { count: 0, amount: 0 };
        out.set(key, { count: had.count + Number(it.count ?? 0), amount: had.amount + Number(it.amount ?? 0) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return out;
}

/** What changed between two snapshots of `counters`, keys with no change left out. */
const delta = (before: Map<string, { count: number; amount: number }>, after: Map<string, { count: number; amount: number }>) =>
  Object.fromEntries(
    [...after]
      .map(([k, v]) => [k, { count: v.count - (before.get(k)?.count ?? 0), amount: v.amount - (before.get(k)?.amount ?? 0) }] as const)
      .filter(([, v]) => v.count !== 0 || v.amount !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

describe('Import worker stopped and started again', () => {
  it('resumes from its checkpoint with every row in exactly once', { timeout: 180_000 }, async () => {
    const account = await api.account();
    const rows = Array.from({ length: 160 }, (_, i) => `Контакт ${i + 1},+7 900 ${String(i).padStart(7, '0')},c${i}@example.com`);
    const key = await openImport(account, 'contacts', ['Full name,Mobile phone,Email', ...rows].join('\n'));

    // Stopped after the second chunk's records are in, before its checkpoint.
    await expect(runImport(account.accountId, key.importId, { signal: stopAtCheckpoint(2), chunk: 100 })).rejects.toThrow(/stopped/);
    const halfway = (await db.importJob.get(key).go()).data!;
    expect(halfway).toMatchObject({ status: 'running', rowsDone: 100 });
    const writtenBeforeStop = (await walkIds((p) => account.client.contacts.list(p), 250)).length;
    expect(writtenBeforeStop).toBe(160);

    await runImport(account.accountId, key.importId, { chunk: 100 });

    const job = (await account.request('GET', `/api/v1/imports/${key.importId}`)).body;
    expect(job).toMatchObject({ status: 'done', total: 160, processed: 160, created: 160, updated: 0, skipped: 0, failed: 0 });
    const ids = await walkIds((p) => account.client.contacts.list(p), 250);
    expect(ids).toHaveLength(160);
    const contacts = await Promise.all(ids.map((id) => account.client.contacts.get({ id })));
    expect(new Set(contacts.map((c) => c.name)).size).toBe(160);
    expect((await account.client.events.list({ type: 'contact.created', limit: 250 })).items).toHaveLength(160);
    expect((await account.request('GET', '/api/v1/usage')).body.records.contacts).toBe(160);
  });

  it('leaves the same counters as the same records typed in by hand, after a stop before a checkpoint', { timeout: 180_000 }, async () => {
    const account = await api.account();
    const rows = Array.from({ length: 12 }, (_, i) => ({
      lead: `Сделка ${i}`,
      price: 1000 + i * 10,
      tags: i % 2 ? 'vip,new' : 'new',
      contact: `Контакт ${i}`,
      company: `Компания ${i % 3}`,
    }));
    const csv = [
      'Название сделки;Бюджет;Теги сделки;Полное имя контакта;Рабочий телефон;Рабочий email;Компания',
      ...rows.map(
        (r, i) => `${r.lead};${r.price};${r.tags};${r.contact};+7 901 ${String(i).padStart(7, '0')};i${i}@example.com;${r.company}`,
      ),
    ].join('\n');
    const before = await counters(account.accountId);
    const key = await openImport(account, 'leads', csv);
    await expect(runImport(account.accountId, key.importId, { signal: stopAtCheckpoint(2), chunk: 5 })).rejects.toThrow(/stopped/);
    await runImport(account.accountId, key.importId, { chunk: 5 });
    const job = (await account.request('GET', `/api/v1/imports/${key.importId}`)).body;
    expect(job).toMatchObject({ status: 'done', processed: 12, created: 12, failed: 0 });
    const imported = await counters(account.accountId);

    // The same records by hand (other phones and e-mails, so that nothing is taken for a duplicate).
    const companies = new Map<string, string>();
    for (const [i, r] of rows.entries()) {
      if (!companies.has(r.company))
        companies.set(r.company, (await account.request('POST', '/api/v1/companies', { name: r.company })).body.id);
      const companyId = companies.get(r.company);
      const contact = await account.request('POST', '/api/v1/contacts', {
        name: r.contact,
        phones: [{ value: `+7 902 ${String(i).padStart(7, '0')}`, type: 'work' }],
        emails: [{ value: `h${i}@example.com`, type: 'work' }],
        companyId,
      });
      expect(contact.status).toBe(201);
      const lead = await account.request('POST', '/api/v1/leads', {
        name: r.lead,
        price: r.price,
        tags: r.tags.split(','),
        companyId,
        contactIds: [contact.body.id],
        mainContactId: contact.body.id,
      });
      expect(lead.status).toBe(201);
    }
    const byHand = await counters(account.accountId);
    const importDelta = delta(before, imported);
    expect(Object.keys(importDelta).length).toBeGreaterThan(5);
    expect(importDelta).toEqual(delta(imported, byHand));
    expect((await account.client.events.list({ type: 'lead.created', limit: 250 })).items).toHaveLength(24);
  });

  it('writes a chunk of new rows in bulk, not a transaction per row', { timeout: 60_000 }, async () => {
    const account = await api.account();
    // Row 0 has no price: its tallies add no amount, the others' do, and both are summed into one item.
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `Сделка ${i};${100 * i};new;Контакт ${i};+7 903 ${String(i).padStart(7, '0')};b${i}@example.com;Компания ${i % 4};Заметка ${i}`,
    );
    const csv = ['Название сделки;Бюджет;Теги сделки;Полное имя контакта;Рабочий телефон;Рабочий email;Компания;Примечание', ...rows].join(
      '\n',
    );
    const key = await openImport(account, 'leads', csv);
    const { commands } = await watch.measure(() => runImport(account.accountId, key.importId, { chunk: 50 }));
    const sent = (name: string) => commands.filter((c) => c === name).length;

    const job = (await account.request('GET', `/api/v1/imports/${key.importId}`)).body;
    expect(job).toMatchObject({ status: 'done', processed: 30, created: 30, failed: 0 });
    // Each row is a lead, a contact with a phone and an e-mail, and a note, and four companies are
    // new: one transaction per record would be more than a hundred. In bulk the records are
    // BatchWriteItems and the one transaction is the checkpoint's, with every counter summed.
    expect(sent('BatchWriteItem')).toBeGreaterThan(0);
    expect(sent('TransactWriteItems')).toBe(1);
    const [pipeline] = (await account.client.pipelines.list()).items;
    const totals = await account.client.pipelines.totals({ id: pipeline!.id });
    expect(totals.stages.reduce((n, s) => n + s.count, 0)).toBe(30);
    expect(totals.stages.reduce((n, s) => n + s.amount, 0)).toBe(43_500);
    expect((await account.request('GET', '/api/v1/tags?entityType=leads')).body.items).toEqual([{ tag: 'new', count: 30 }]);
    // The report tallies the chunk summed are what a recount of the records makes of them.
    const tallies = async () =>
      (await db.tally.query.byKey({ accountId: account.accountId }).go({ pages: 'all' })).data.sort((a, b) => a.key.localeCompare(b.key));
    const imported = await tallies();
    expect(imported.length).toBeGreaterThan(5);
    await recountTallies(newRecount(account.accountId));
    expect(await tallies()).toEqual(imported);
  });

  it('makes one contact of a phone that rows of two chunks share, when a chunk is written in parts', { timeout: 120_000 }, async () => {
    const account = await api.account();
    const [pipeline] = (await account.client.pipelines.list()).items;
    const stages = pipeline!.stages.filter((s) => s.type === 'open');
    expect(stages.length).toBeGreaterThan(3);
    // Leads over every open stage, each with a tag of its own: a chunk of 120 has more counters than
    // one checkpoint takes, so it is gathered and written in parts, and the short chunk after it is
    // gathered while they are written. Its rows repeat phones of the first chunk's middle rows.
    const phoneOf = (i: number) => `+7 904 ${String(i < 120 ? i : i - 70).padStart(7, '0')}`;
    const rows = Array.from(
      { length: 125 },
      (_, i) => `Сделка ${i};${i};${stages[i % stages.length]!.name};tag${i};Контакт ${i};${phoneOf(i)}`,
    );
    const header = 'Название сделки;Бюджет;Этап сделки;Теги сделки;Полное имя контакта;Рабочий телефон';
    const key = await openImport(account, 'leads', [header, ...rows].join('\n'));
    const { commands } = await watch.measure(() => runImport(account.accountId, key.importId, { chunk: 120 }));
    // Written in parts: a checkpoint each.
    expect(commands.filter((c) => c === 'TransactWriteItems').length).toBeGreaterThan(3);

    const job = (await account.request('GET', `/api/v1/imports/${key.importId}`)).body;
    expect(job).toMatchObject({ status: 'done', processed: 125, failed: 0 });
    expect(await walkIds((p) => account.client.contacts.list(p), 250)).toHaveLength(120);
    expect(await walkIds((p) => account.client.leads.list(p), 250)).toHaveLength(125);
  });
});
