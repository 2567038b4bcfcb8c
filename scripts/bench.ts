// `npm run bench`: the figures that have budgets — each Lambda's minified bundle, and the
// gzipped JavaScript of the web app's first load (login and kanban pages; builds web/dist first).
import { execFileSync } from 'node:child_process';

/** Steps that failed or went over their budget: each is still followed by the others, and named at the end. */
const failed: string[] = [];

const run = (title: string, cmd: string, args: string[]) => {
  console.log(`\n== ${title}`);
  try {
    execFileSync(cmd, args, { stdio: 'inherit' });
  } catch {
    failed.push(title);
  }
};

run('Lambda bundles (minified, AWS SDK excluded)', 'npx', ['tsx', 'scripts/bench-bundles.ts']);
run('Lambda cold start vs a DynamoDB-client-only handler (fresh node process, 10 pairs, medians)', 'npx', [
  'tsx',
  'scripts/bench-cold-start.ts',
]);
run('Web app build', 'npm', ['run', 'build', '-w', '@crm/web', '--silent']);
run('Web app initial JavaScript (gzipped)', 'npm', ['run', 'size', '-w', '@crm/web', '--silent']);
run('Analytics reports at 1,000 and 100,000 leads', 'npx', ['tsx', 'scripts/bench-analytics.ts']);
run('Live updates: delivery latency and fan-out messages', 'npx', ['tsx', 'scripts/bench-live.ts']);
run('Import of leads with contacts and companies vs raw BatchWriteItem', 'npx', [
  'tsx',
  'scripts/bench-import.ts',
  process.env.BENCH_IMPORT_ROWS ?? '100000',
]);
run('Data path: API vs raw DynamoDB, creates per second, reads at 1k vs 20k leads', 'npx', ['tsx', 'scripts/bench-datapath.ts']);
run('Kanban time to first card in Chromium at 0 and 100 ms added round trip, before/after', 'npx', ['tsx', 'scripts/bench-first-card.ts']);

if (failed.length) {
  console.log(`\nFailed or over budget:\n${failed.map((t) => `- ${t}`).join('\n')}`);
  process.exitCode = 1;
}
