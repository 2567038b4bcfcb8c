// `npm run bench` (analytics): report latency at 1,000 and at 100,000 leads, two accounts in
// the same local table, and the ratio (goal <= 1.3x). The reports read counters only, so both
// sizes send the same commands and read the same items (functions/test/dynamodb-commands.test.ts);
// what is left is DynamoDB Local itself, which slows a Query on a big partition 4-10x at equal
// read units (the big account's partition holds its 100,000 lead items too), which real
// DynamoDB does not.
// The big account is seeded in minutes, not hours: packages/local/src/seed-leads.ts puts the
// lead items (table keys only: DynamoDB Local keeps the seven lead indexes slowly, and the
// reports read no index) and the sum of their counters (what the lead transactions would have
// added) with BatchWriteItem, 25 items a request, 16 requests at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { logIn } from '../packages/local/src/cognito.ts';
import { watchCommands } from '../packages/local/src/command-watch.ts';
import { startStack } from '../packages/local/src/stack.ts';

// BENCH_BIG_LEADS: a smaller big account on a busy machine (the seed writes ~4,000 batches at 100,000).
const SIZES = [1_000, Number(process.env.BENCH_BIG_LEADS ?? 100_000)];
const RUNS = 15;
const DAYS = Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const PERIOD = `from=${DAYS[0]}&to=${DAYS.at(-1)}`;
const REPORTS = [`/analytics/funnel?${PERIOD}`, `/analytics/summary?${PERIOD}&groupBy=week`, `/analytics/managers?${PERIOD}`];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-analytics-'));
  const stack = await startStack({ dataDir, inMemory: true, ports: { api: 0, dynamodb: 0, cognito: 0 } });
  try {
    // After startStack put the environment in place: the core reads its config on import.
    const { seedLeads } = await import('../packages/local/src/seed-leads.ts');
    const { db, dynamo } = await import('@crm/core');
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const call = async (token: string, path: string) => {
      const res = await fetch(`${stack.apiUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const accounts: { size: number; token: string; accountId: string }[] = [];
    for (const size of SIZES) {
      const email = `bench-${size}-${Date.now()}@example.com`;
      const password = 'Bench-pass-2026';
      const res = await fetch(`${stack.apiUrl}/api/v1/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: `Bench ${size}`, name: 'Bench', email, password }),
      });
      const { accountId, userId } = (await res.json()) as { accountId: string; userId: string };
      const token = await logIn(stack.env.COGNITO_ENDPOINT, stack.env.USER_POOL_CLIENT_ID, email, password);
      const { items } = await call(token, '/pipelines');
      const started = performance.now();
      await seedLeads({ accountId, pipeline: items[0], userIds: [userId], count: size, days: DAYS, indexed: false });
      console.log(`seeded ${size.toLocaleString('en')} leads (BatchWriteItem) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      accounts.push({ size, token, accountId });
    }
    /** Median time of `once` over RUNS, after 3 warm-up calls (the caller cache, the JIT). */
    const timed = async (once: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await once();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await once();
        times.push(performance.now() - t);
      }
      return median(times);
    };
    // One more call of each report per size, counted: the commands sent, the capacity units they
    // consumed and the kinds of item read, which must be the same at both sizes, and no lead.
    const { measure } = watchCommands(dynamo);
    const countOf = async (token: string, path: string) => {
      const { commands, capacityUnits, entities } = await measure(() => call(token, path));
      return `${commands.length} commands, ${capacityUnits} capacity units${entities.includes('lead') ? ', READ A LEAD' : ''}`;
    };
    console.log('\nreport                      commands and capacity units per call, by size');
    for (const path of REPORTS) {
      const counts: string[] = [];
      for (const { token } of accounts) counts.push(await countOf(token, path));
      console.log(
        `${path.split('?')[0].padEnd(28)}${counts.join('  |  ')}${counts.every((c) => c === counts[0]) ? '  (same)' : '  DIFFERENT'}`,
      );
    }

    const row = (name: string, medians: number[]) =>
      console.log(
        `${name.padEnd(28)}${medians.map((m) => `${m.toFixed(1)} ms`.padStart(14)).join('')}   ${(medians[1] / medians[0]).toFixed(2)}x`,
      );
    console.log(`\nreport                      ${SIZES.map((s) => `${s.toLocaleString('en')} leads`.padStart(14)).join('')}   ratio`);
    for (const path of REPORTS) {
      const medians: number[] = [];
      for (const { token } of accounts) medians.push(await timed(() => call(token, path)));
      row(path.split('?')[0], medians);
    }
    // The baseline, in the same run: one raw Query of the same single item (the account's user)
    // in each account's partition. Its ratio is DynamoDB Local's own slowdown on the big partition.
    const raw: number[] = [];
    for (const { accountId } of accounts) {
      const params = db.user.query.byId({ accountId }).params();
      raw.push(await timed(() => dynamo.send(new QueryCommand(params))));
    }
    row('raw Query, 1 item', raw);
    console.log(
      '\n(goal <= 1.3x; the reports send the same commands and read units at both sizes (dynamodb-commands.test.ts), so a ratio above\n' +
        "the raw Query's is the service's own; DynamoDB Local slows a Query on a big partition, real DynamoDB does not)",
    );
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
