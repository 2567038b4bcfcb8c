// Prints each Lambda's minified bundle size (esbuild options shared with the CDK app) and its
// heaviest packages, largest first, marking those over the budget (infra/test/bundle-size.test.ts fails on them).
// Run: npx tsx scripts/bench-bundles.ts
import { BUNDLE_BUDGET_BYTES, bundleSizes, kb } from '../infra/lib/bundle-sizes.ts';
import { lambdaEntries } from '../infra/lib/lambda-entries.ts';

const started = performance.now();
const sizes = (await bundleSizes(lambdaEntries())).sort((a, b) => b.bytes - a.bytes);
for (const s of sizes) {
  const flag = s.bytes > BUNDLE_BUDGET_BYTES ? ' OVER' : '';
  const heaviest = s.heaviest.map((h) => `${h.name} ${kb(h.bytes)}`).join(', ');
  console.log(`${s.name.padEnd(28)} ${kb(s.bytes).padStart(9)}${flag.padEnd(5)}  ${heaviest}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${sizes.length} functions in ${seconds} s; budget ${kb(BUNDLE_BUDGET_BYTES)} minified per function, AWS SDK excluded`);
