// Recounts the report counters of accounts from their records (issue 11's backfill for
// records older than the counters): `npx tsx scripts/recount-tallies.ts <accountId>...`.
// Resumable: the state after each page is kept in .recount/<accountId>.json and a new run
// goes on from it; a finished account's file is removed. Idempotent (absolute writes).
// Needs TABLE_NAME, AWS_REGION and, locally, DYNAMODB_ENDPOINT as the runtime's.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { newRecount, recountTallies, type RecountState } from '@crm/core';

const ids = process.argv.slice(2);
if (!ids.length) {
  console.error('usage: npx tsx scripts/recount-tallies.ts <accountId>...');
  process.exit(2);
}
mkdirSync('.recount', { recursive: true });
for (const accountId of ids) {
  const file = `.recount/${accountId}.json`;
  const from: RecountState = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : newRecount(accountId);
  const started = Date.now();
  const done = await recountTallies(from, { checkpoint: (state) => writeFileSync(file, JSON.stringify(state)) });
  rmSync(file, { force: true });
  console.log(`${accountId}: ${JSON.stringify(done.read)} read, ${done.sums.length} counters set, ${Date.now() - started} ms`);
}
