// Cold start of every Lambda bundle against the floor (a handler that loads only the DynamoDB
// client), each built with the CDK's esbuild options. Each sample is a fresh `node` process that
// imports the bundle; the pairs are interleaved (floor and bundle alternate which goes first) so
// that a busy moment hits both. Prints medians and writes the table to docs/PERFORMANCE.md.
// Run: npx tsx scripts/bench-cold-start.ts [pairs=10] [name filter]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_FILE, esbuildOptions } from '../infra/lib/bundling.ts';
import { lambdaEntries, type LambdaEntry } from '../infra/lib/lambda-entries.ts';
import { REPO_ROOT } from '../infra/lib/paths.ts';

/** The bar: each bundle's init at most this many times the floor's. */
export const COLD_START_LIMIT = 1.3;
const PAIRS = Number(process.argv[2] ?? 10);
const only = process.argv[3];
const FLOOR = { name: 'floor (DynamoDB client only)', entry: join(REPO_ROOT, 'scripts', 'cold-start', 'floor.ts') };
const OUTDIR = join(REPO_ROOT, '.tmp', 'cold-start');
// Other work on the machine skews single samples; the run says how busy the machine was.
const loadAtStart = loadavg()[0]!;

const entries = lambdaEntries().filter((e) => !only || e.name.includes(only));
const all: LambdaEntry[] = [FLOOR, ...entries];
const out = (e: LambdaEntry, i: number) => join(OUTDIR, String(i), BUNDLE_FILE);
const { outfile: _, ...options } = esbuildOptions('', '');
// Inside the repo so that the external AWS SDK resolves from node_modules, as the runtime's would.
await build({
  ...options,
  entryPoints: Object.fromEntries(all.map((e, i) => [`${i}/${BUNDLE_FILE.replace(/\.mjs$/, '')}`, e.entry])),
  outdir: OUTDIR,
  outExtension: { '.js': '.mjs' },
  absWorkingDir: REPO_ROOT,
  logLevel: 'error',
});

// What a Lambda's config needs at import; nothing is called, so nothing is reached.
const env = {
  ...process.env,
  TABLE_NAME: 'crm',
  USER_POOL_ID: 'us-east-1_bench',
  USER_POOL_CLIENT_ID: 'bench',
  FILES_BUCKET: 'bench',
  AWS_REGION: 'us-east-1',
};
/**
 * One fresh process: its whole life (node start + import, as Lambda's Init Duration), the import
 * alone, and the CPU time the process used (all its threads). On a shared machine the wall times
 * mostly measure the wait for a core; the CPU time hardly moves with the load.
 */
const sample = (file: string) => {
  const url = pathToFileURL(file).href;
  const script = `const t=performance.now();const m=await import(${JSON.stringify(url)});if(typeof m.handler!=='function')throw new Error('no handler');const c=process.cpuUsage();process.stdout.write(JSON.stringify([performance.now()-t,(c.user+c.system)/1000]))`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  const total = performance.now() - started;
  if (child.status !== 0) throw new Error(`${file}: ${child.stderr}`);
  const [imported, cpu] = JSON.parse(child.stdout) as [number, number];
  return { total, imported, cpu };
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Row {
  name: string;
  bytes: number;
  total: number;
  floorTotal: number;
  imported: number;
  floorImported: number;
  cpu: number;
  floorCpu: number;
}
const rows: Row[] = [];
for (const [i, e] of entries.entries()) {
  const file = out(e, i + 1);
  const floor: ReturnType<typeof sample>[] = [];
  const mine: ReturnType<typeof sample>[] = [];
  for (let p = 0; p < PAIRS; p++) {
    if (p % 2) {
      mine.push(sample(file));
      floor.push(sample(out(FLOOR, 0)));
    } else {
      floor.push(sample(out(FLOOR, 0)));
      mine.push(sample(file));
    }
  }
  const row = {
    name: e.name,
    bytes: readFileSync(file).byteLength,
    total: median(mine.map((s) => s.total)),
    floorTotal: median(floor.map((s) => s.total)),
    imported: median(mine.map((s) => s.imported)),
    floorImported: median(floor.map((s) => s.imported)),
    cpu: median(mine.map((s) => s.cpu)),
    floorCpu: median(floor.map((s) => s.cpu)),
  };
  rows.push(row);
  console.log(line(row));
}

function line(r: Row) {
  const ratio = r.total / r.floorTotal;
  const flag = ratio > COLD_START_LIMIT ? ' OVER' : '';
  return `${r.name.padEnd(28)} ${ms(r.total)} vs ${ms(r.floorTotal)}  ${ratio.toFixed(2)}x${flag.padEnd(5)}  import ${ms(r.imported)} vs ${ms(r.floorImported)}  cpu ${ms(r.cpu)} vs ${ms(r.floorCpu)} ${(r.cpu / r.floorCpu).toFixed(2)}x  ${(r.bytes / 1000).toFixed(0)} KB`;
}
function ms(x: number) {
  return `${x.toFixed(0).padStart(4)} ms`;
}

const worst = rows.reduce((a, b) => (b.total / b.floorTotal > a.total / a.floorTotal ? b : a));
const worstRatio = worst.total / worst.floorTotal;
const overs = rows.filter((r) => r.total / r.floorTotal > COLD_START_LIMIT).length;
const cpuOvers = rows.filter((r) => r.cpu / r.floorCpu > COLD_START_LIMIT).length;
// One bundle's ratio moves by about 0.1 between runs on a shared machine; the median over all bundles hardly does.
const medianRatio = median(rows.map((r) => r.total / r.floorTotal));
const medianCpuRatio = median(rows.map((r) => r.cpu / r.floorCpu));
console.log(
  `${rows.length} bundles, ${PAIRS} pairs each: worst ${worst.name} ${worstRatio.toFixed(2)}x the floor (limit ${COLD_START_LIMIT}x)` +
    (worstRatio > COLD_START_LIMIT ? ' — OVER' : '') +
    `; over the limit: ${overs} by init, ${cpuOvers} by CPU time; median ${medianRatio.toFixed(2)}x by init, ${medianCpuRatio.toFixed(2)}x by CPU time; load average ${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`,
);

// A full run writes the document, saying how many pairs it took (10 unless the machine is too busy for that).
if (!only) writeSection(rows, worst, worstRatio);

function writeSection(rows: Row[], worst: Row, worstRatio: number) {
  const doc = join(REPO_ROOT, 'docs', 'PERFORMANCE.md');
  const [open, close] = ['<!-- bench:cold-start -->', '<!-- /bench:cold-start -->'];
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const section = [
    open,
    '## Cold start',
    '',
    `Written by \`npm run bench\` (scripts/bench-cold-start.ts) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} x ${cpu}, Node ${process.version}.`,
    `Each Lambda entry is bundled with the CDK's esbuild options (infra/lib/bundling.ts, AWS SDK external) and imported in a fresh \`node\` process; the floor is a handler that loads only the DynamoDB client (scripts/cold-start/floor.ts), built the same way. ${PAIRS} interleaved pairs per bundle, medians. "Init" is the process's whole life up to the handler being ready (Node start + module init, what Lambda reports as Init Duration); "import" is the module init alone; "CPU" is the CPU time the process used up to then (all threads), which a busy machine hardly changes.`,
    '',
    `Load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end, on ${cpus().length} cores${Math.max(loadAtStart, loadavg()[0]!) > cpus().length ? ': above the core count the samples are mostly waiting for a CPU and the ratios are noise' : ''}. One bundle's ratio moves by about 0.1 from run to run; the median over all bundles much less.`,
    '',
    `Median over the ${rows.length} bundles: **${medianRatio.toFixed(2)}x** the floor by init, ${medianCpuRatio.toFixed(2)}x by CPU time (limit ${COLD_START_LIMIT}x). Worst: ${worst.name} ${worstRatio.toFixed(2)}x. Over the limit: ${overs} of ${rows.length} by init, ${cpuOvers} by CPU time.`,
    '',
    '| Lambda | init | floor | ratio | import | floor import | CPU | floor CPU | CPU ratio | bundle |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.total.toFixed(0)} ms | ${r.floorTotal.toFixed(0)} ms | ${(r.total / r.floorTotal).toFixed(2)}x | ${r.imported.toFixed(0)} ms | ${r.floorImported.toFixed(0)} ms | ${r.cpu.toFixed(0)} ms | ${r.floorCpu.toFixed(0)} ms | ${(r.cpu / r.floorCpu).toFixed(2)}x | ${(r.bytes / 1000).toFixed(0)} KB |`,
    ),
    close,
  ].join('\n');
  const current = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Performance\n';
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + close.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(doc, next);
  console.log(`Wrote the cold-start section of ${doc}`);
}
