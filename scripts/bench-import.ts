// `npx tsx scripts/bench-import.ts [rows]`: imports a CSV of leads with contacts and companies
// through the real worker (core's runImport, as the bus runs it) against DynamoDB Local, then
// writes the very items the import left in the table again with raw BatchWriteItem (under another
// account id), and prints both rates: the import's rows/s and that ceiling for the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startServices } from '../packages/local/src/stack.ts';
import { startApi } from '../packages/local/src/stack.ts';
import { callApi } from '../packages/local/src/http-client.ts';

const rows = Number(process.argv[2] ?? 1000);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
const services = await startServices({ dataDir, inMemory: true, events: false });
const api = await startApi(services.env);
try {
  const core = await import('@crm/core');
  const signup = await callApi(api.apiUrl, 'POST', '/api/v1/signup', {
    company: 'Bench',
    name: 'Bench Admin',
    email: `bench-${Date.now()}@example.com`,
    password: 'Bench-password-1',
  });
  const caller = { accountId: signup.body.accountId, userId: signup.body.userId, role: 'admin', groupId: null };
  const lines = ['Название сделки;Бюджет;Полное имя контакта;Рабочий телефон;Рабочий email;Компания'];
  for (let i = 0; i < rows; i++)
    lines.push(`Сделка ${i};${1000 + i};Контакт ${i};+7 900 ${String(i).padStart(7, '0')};c${i}@example.com;Компания ${i % 500}`);
  const opened = await core.createImport(caller, {
    entityType: 'leads',
    fileName: 'bench.csv',
    onDuplicate: 'update',
    createMissing: true,
  });
  await fetch(opened.uploadUrl!, { method: 'PUT', body: lines.join('\n') });
  await core.startImport(caller, opened.id, { onDuplicate: 'update', createMissing: true });

  // Where the worker's requests go: each DynamoDB command and the items it writes, counted.
  const profile = new Map<string, { calls: number; items: number }>();
  let profiling = true;
  // The items the worker put in bulk, kept as sent: the raw side writes the same ones again (a
  // Scan of the table to find them takes DynamoDB Local longer than the import itself at 10,000 rows).
  const items = new Map<string, Record<string, unknown>>();
  core.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (profiling) {
        const input = args.input as { TransactItems?: unknown[]; RequestItems?: Record<string, unknown[]> };
        const written = input.TransactItems?.length ?? Object.values(input.RequestItems ?? {}).reduce((n, l) => n + l.length, 0);
        const name = context.commandName ?? 'other';
        if (name === 'BatchWriteItemCommand')
          for (const list of Object.values(input.RequestItems ?? {}))
            for (const r of list as { PutRequest?: { Item: Record<string, unknown> } }[])
              if (r.PutRequest) items.set(`${r.PutRequest.Item.pk}|${r.PutRequest.Item.sk}`, r.PutRequest.Item);
        const seen = profile.get(name) ?? { calls: 0, items: 0 };
        profile.set(name, { calls: seen.calls + 1, items: seen.items + (written || 1) });
      }
      return next(args);
    },
    { step: 'initialize', name: 'benchProfile' },
  );
  const t0 = performance.now();
  // A long run (100,000 rows take about an hour on DynamoDB Local) says how far it has got.
  const progress = setInterval(async () => {
    const at = await core.getImport(caller, opened.id);
    console.log(`  ${((performance.now() - t0) / 1000).toFixed(0)} s: ${at.processed} of ${rows} rows`);
  }, 30_000);
  await core.runImport(caller.accountId, opened.id).finally(() => clearInterval(progress));
  const importSeconds = (performance.now() - t0) / 1000;
  profiling = false;
  const job = await core.getImport(caller, opened.id);

  const copies = [...items.values()].map((it) => JSON.parse(JSON.stringify(it).replaceAll(caller.accountId.toLowerCase(), 'rawcopy')));
  const t1 = performance.now();
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < copies.length; i += 25) batches.push(copies.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length) {
          const out = await core.dynamo.send(new BatchWriteCommand({ RequestItems: { [core.config.tableName]: pending } }));
          pending = (out.UnprocessedItems?.[core.config.tableName] ?? []) as typeof pending;
        }
      }
    }),
  );
  const rawSeconds = (performance.now() - t1) / 1000;
  const importRate = rows / importSeconds;
  const ceiling = rows / rawSeconds;
  console.log(`rows: ${rows}; job ${job.status}: created ${job.created}, failed ${job.failed}`);
  if (job.errors.length) console.log('first failed row:', job.errors[0]);
  console.log(`items the import put in BatchWriteItem: ${items.size} (${(items.size / rows).toFixed(1)} per row)`);
  console.log("the worker's DynamoDB requests per row (calls, items):");
  for (const [name, { calls, items: n }] of [...profile].sort((a, b) => b[1].calls - a[1].calls))
    console.log(`  ${name.padEnd(28)} ${(calls / rows).toFixed(2).padStart(6)} ${(n / rows).toFixed(2).padStart(7)}`);
  console.log(`import:               ${importRate.toFixed(1)} rows/s (${importSeconds.toFixed(1)} s)`);
  console.log(
    `raw BatchWriteItem:   ${ceiling.toFixed(1)} rows/s (${(items.size / rawSeconds).toFixed(0)} items/s, ${rawSeconds.toFixed(1)} s)`,
  );
  console.log(`ratio:                ${(importRate / ceiling).toFixed(2)} (goal 0.7)`);
} finally {
  await api.close();
  await services.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
