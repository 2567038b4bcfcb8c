// `npm run bench` (data path): what the API costs over the DynamoDB work it does, and what
// stays flat as an account grows. Against DynamoDB Local, handlers in process:
// 1. API p50 vs raw: each request's DynamoDB commands are recorded as the API sends them
//    (with when each started and ended) and replayed raw with the same overlap (a command
//    starts once those that had ended before it are done): a lead's GET, a list page, a
//    create and a stage move; writes get fresh ids for what they create. Interleaved runs.
// 2. Creates per second through the API vs the raw replay of the same transaction, with the
//    same number of concurrent writers, in alternating windows.
// 3. The desktop, board totals, search and a list with q at two account sizes (1k and 20k
//    leads, 2k open tasks each): p50 at each size; the commands and read units are equal by
//    functions/test/dynamodb-commands.test.ts.
// Writes the tables between the bench:api-vs-raw markers of docs/PERFORMANCE.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ulid } from 'ulid';
import { logIn } from '../packages/local/src/cognito.ts';
import { startStack } from '../packages/local/src/stack.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const SIZES = [1_000, Number(process.env.BENCH_BIG_LEADS ?? 20_000)];
const TASKS = 2_000;
const WRITERS = 8;
const THROUGHPUT_MS = Number(process.env.BENCH_THROUGHPUT_MS ?? 8_000);
const DAYS = Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Sent = { command: { constructor: new (input: unknown) => unknown; input: unknown }; start: number; end: number };

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-bench-datapath-'));
  const stack = await startStack({ dataDir, inMemory: true, events: false, ports: { api: 0, dynamodb: 0, cognito: 0 } });
  const out: string[] = [];
  const say = (line: string) => (console.log(line), out.push(line));
  try {
    const core = await import('@crm/core');
    const { seedLeads } = await import('../packages/local/src/seed-leads.ts');
    const { seedTasks } = await import('../packages/local/src/seed-tasks.ts');
    // Every command the API sends, while recording.
    let recording: Sent[] | null = null;
    core.dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (!recording) return next(args);
        const entry = {
          command: { constructor: commandOf(context.commandName!), input: structuredClone(args.input) },
          start: performance.now(),
          end: 0,
        };
        const list = recording;
        try {
          return await next(args);
        } finally {
          entry.end = performance.now();
          list.push(entry as Sent);
        }
      },
      // After the document client's marshalling: replayed through a bare client, as sent.
      { step: 'build', name: 'benchRecord' },
    );
    const low = await import('@aws-sdk/client-dynamodb');
    const raw = new low.DynamoDBClient({ region: core.config.region, endpoint: core.config.dynamodbEndpoint, maxAttempts: 3 });
    const commandOf = (name: string) => (low as unknown as Record<string, new (input: unknown) => unknown>)[name];

    const account = async (size: number) => {
      const email = `bench-dp-${size}-${Date.now()}@example.com`;
      const password = 'Bench-pass-2026';
      const res = await fetch(`${stack.apiUrl}/api/v1/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ company: `Bench ${size}`, name: 'Bench', email, password }),
      });
      const { accountId, userId } = (await res.json()) as { accountId: string; userId: string };
      const token = await logIn(stack.env.COGNITO_ENDPOINT, stack.env.USER_POOL_CLIENT_ID, email, password);
      return { accountId, userId, token };
    };
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${stack.apiUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    };
    const record = async (run: () => Promise<unknown>) => {
      recording = [];
      const list = recording;
      await run();
      recording = null;
      return list.sort((a, b) => a.start - b.start);
    };
    /**
     * Each recorded input as JSON cut at every ULID-shaped string (the odd pieces), once: a replay
     * only puts its ids in and parses, so the raw side pays no more of the bench's own CPU per
     * command than a JSON.parse (was a stringify and a regex over every input on every replay).
     */
    const cut = new Map<Sent, string[]>();
    const piecesOf = (s: Sent) => {
      let pieces = cut.get(s);
      if (!pieces) cut.set(s, (pieces = JSON.stringify(s.command.input).split(/([0-9A-Z]{26}|[0-9a-z]{26})/)));
      return pieces;
    };
    /** Replays recorded commands with their overlap; `swap` rewrites each id in the inputs. */
    const replay = async (sent: Sent[], swap: (id: string) => string = (id) => id) => {
      const done: Promise<unknown>[] = [];
      sent.forEach((s, i) => {
        const after = sent.slice(0, i).flatMap((d, j) => (d.end <= s.start ? [done[j]] : []));
        const input = JSON.parse(piecesOf(s).reduce((json, piece, k) => json + (k % 2 ? swap(piece) : piece), ''));
        done.push(Promise.all(after).then(() => raw.send(new s.command.constructor(input) as never)));
      });
      await Promise.all(done);
    };

    // ---- 1. API vs raw, interleaved ----
    const a = await account(0);
    const pipeline = ((await call(a.token, 'GET', '/pipelines')) as { items: { id: string; stages: { id: string }[] }[] }).items[0];
    for (let i = 0; i < 300; i++) await call(a.token, 'POST', '/leads', { name: `Warm lead ${i}`, price: i });
    const lead = (await call(a.token, 'POST', '/leads', { name: 'Bench lead', price: 10 })) as { id: string };
    const fresh = () => ulid();
    const cases: { name: string; api: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [];
    const getSent = await record(() => call(a.token, 'GET', `/leads/${lead.id}`));
    cases.push({ name: "a lead's GET", api: () => call(a.token, 'GET', `/leads/${lead.id}`), raw: () => replay(getSent) });
    const listSent = await record(() => call(a.token, 'GET', '/leads?limit=50'));
    cases.push({ name: 'a list page (50)', api: () => call(a.token, 'GET', '/leads?limit=50'), raw: () => replay(listSent) });
    // Several creates recorded, replayed in turn: a create's counters are sharded by its lead id,
    // so one recording replayed over and over would pile every raw create onto one shard of each
    // counter, where the API's creates spread over all of them.
    const recordedCreates: { sent: Sent[]; leadId: string }[] = [];
    for (let i = 0; i < 16; i++) {
      let leadId = '';
      const sent = await record(
        async () => (leadId = ((await call(a.token, 'POST', '/leads', { name: 'Bench create', price: 5 })) as { id: string }).id),
      );
      recordedCreates.push({ sent, leadId });
    }
    const eventIds = (sent: Sent[]) =>
      sent.flatMap((s) => [...JSON.stringify(s.command.input).matchAll(/"eventId":\{"S":"([0-9A-Z]{26})"\}/g)].map((m) => m[1]));
    /** A swap of these ids for fresh ones, in the case each was sent in. */
    const newIds = (ids: string[]) => {
      const map = new Map(ids.map((id) => [id, fresh()]));
      return (id: string) => {
        const to = map.get(id.toUpperCase());
        return !to ? id : id === id.toLowerCase() ? to.toLowerCase() : to;
      };
    };
    const createReplays = recordedCreates.map(({ sent, leadId }) => ({ sent, ids: [leadId, ...eventIds(sent)] }));
    let nextCreate = 0;
    const createRaw = () => {
      const { sent, ids } = createReplays[nextCreate++ % createReplays.length];
      return replay(sent, newIds(ids));
    };
    cases.push({ name: 'a create', api: () => call(a.token, 'POST', '/leads', { name: 'Bench create', price: 5 }), raw: createRaw });
    // Stage moves: a fresh lead for every move, the recorded move's lead id swapped for it.
    const [first, second] = pipeline.stages;
    const moveTemplate = (await call(a.token, 'POST', '/leads', { name: 'Move me', stageId: first.id })) as { id: string };
    const moveSent = await record(() => call(a.token, 'PATCH', `/leads/${moveTemplate.id}`, { stageId: second.id }));
    const pool = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++)
        ids.push(((await call(a.token, 'POST', '/leads', { name: 'Move me', stageId: first.id })) as { id: string }).id);
      return ids;
    };
    const [apiMoves, rawMoves] = [await pool(RUNS + 5), await pool(RUNS + 5)];
    const moveIds = eventIds(moveSent);
    cases.push({
      name: 'a stage move',
      api: () => call(a.token, 'PATCH', `/leads/${apiMoves.pop()}`, { stageId: second.id }),
      raw: () => {
        const target = rawMoves.pop()!;
        const swapIds = newIds(moveIds);
        return replay(moveSent, (id) =>
          id.toUpperCase() !== moveTemplate.id ? swapIds(id) : id === id.toLowerCase() ? target.toLowerCase() : target,
        );
      },
    });
    say(`| request | API p50 | raw p50 (same commands) | ratio |`);
    say(`|---|---|---|---|`);
    for (const c of cases) {
      const times = { api: [] as number[], raw: [] as number[] };
      for (let i = 0; i < 3; i++) (await c.api(), await c.raw());
      for (let i = 0; i < RUNS; i++) {
        for (const side of i % 2 ? (['api', 'raw'] as const) : (['raw', 'api'] as const)) {
          const t = performance.now();
          await c[side]();
          times[side].push(performance.now() - t);
        }
      }
      const [api, raw] = [median(times.api), median(times.raw)];
      say(`| ${c.name} | ${api.toFixed(1)} ms | ${raw.toFixed(1)} ms | ${(api / raw).toFixed(2)}x (goal <= 1.5x) |`);
    }

    // ---- 2. Creates per second ----
    // In alternating windows (API, raw, raw, API...), so that a load that changes during the
    // bench (other processes on the machine) weighs on both sides alike.
    const WINDOWS = 4;
    const countIn = async (one: () => Promise<unknown>, ms: number) => {
      let n = 0;
      const until = performance.now() + ms;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (performance.now() < until) (await one(), n++);
        }),
      );
      return n;
    };
    const apiCreate = () => call(a.token, 'POST', '/leads', { name: 'Bench create', price: 5 });
    let [apiCount, rawCount] = [0, 0];
    for (let w = 0; w < WINDOWS; w++) {
      for (const side of w % 2 ? (['raw', 'api'] as const) : (['api', 'raw'] as const)) {
        const n = await countIn(side === 'api' ? apiCreate : createRaw, THROUGHPUT_MS / WINDOWS);
        if (side === 'api') apiCount += n;
        else rawCount += n;
      }
    }
    const [apiRate, rawRate] = [apiCount / (THROUGHPUT_MS / 1000), rawCount / (THROUGHPUT_MS / 1000)];
    say('');
    say(
      `Creates per second, ${WRITERS} writers, ${THROUGHPUT_MS / 1000} s each: API ${apiRate.toFixed(0)}/s, raw replay of its transaction ${rawRate.toFixed(0)}/s, ratio ${(apiRate / rawRate).toFixed(2)} (goal >= 0.9)`,
    );

    // ---- 3. Flat at any size ----
    const sized = [];
    for (const size of SIZES) {
      const acc = await account(size);
      const p = ((await call(acc.token, 'GET', '/pipelines')) as { items: Parameters<typeof seedLeads>[0]['pipeline'][] }).items[0];
      const t = performance.now();
      await seedLeads({ accountId: acc.accountId, pipeline: p, userIds: [acc.userId], count: size, days: DAYS, indexed: false });
      const typeId = ((await call(acc.token, 'GET', '/task-types')) as { items: { id: string }[] }).items[0].id;
      const now = Date.now();
      const dueTimes = [-400, -40, -9, -3, -2, -1, 1, 2, 3, 30].map((d) => new Date(now + d * 86_400_000).toISOString());
      await seedTasks({ accountId: acc.accountId, userId: acc.userId, typeId, count: TASKS, dueTimes });
      for (let i = 0; i < 5; i++) await call(acc.token, 'POST', '/leads', { name: `Needle ${i}`, price: 10 });
      console.log(`seeded ${size.toLocaleString('en')} leads and ${TASKS} tasks in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      sized.push({ ...acc, pipelineId: p.id });
    }
    say('');
    say(`| read | ${SIZES.map((s) => `${s.toLocaleString('en')} leads`).join(' | ')} | ratio |`);
    say(`|---|---|---|---|`);
    for (const path of ['/dashboard', '/pipelines/{p}/totals', '/search?q=needle', '/leads?q=needle', '/leads?q=nothing']) {
      const medians = [];
      for (const acc of sized) {
        const url = path.replace('{p}', acc.pipelineId);
        for (let i = 0; i < 3; i++) await call(acc.token, 'GET', url);
        const times = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await call(acc.token, 'GET', url);
          times.push(performance.now() - t);
        }
        medians.push(median(times));
      }
      say(`| ${path} | ${medians.map((m) => `${m.toFixed(1)} ms`).join(' | ')} | ${(medians[1] / medians[0]).toFixed(2)}x |`);
    }
    say('');
    say(
      `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, DynamoDB Local in memory; ${RUNS} runs per figure.`,
    );
    writeSection('api-vs-raw', out.join('\n'));
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Replaces what lies between `<!-- bench:name -->` and `<!-- /bench:name -->` in docs/PERFORMANCE.md. */
function writeSection(name: string, body: string) {
  const file = join(import.meta.dirname, '..', 'docs', 'PERFORMANCE.md');
  const [open, close] = [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  if (from < 0 || to < from) throw new Error(`docs/PERFORMANCE.md has no ${open} ... ${close}`);
  writeFileSync(file, `${text.slice(0, from + open.length)}\n${body}\n${text.slice(to)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
