// The bundle budget: every Lambda stays under 250 KB minified (AWS SDK external), measured with
// the esbuild options the CDK app uses. The failure names each function's heaviest packages.
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, bundleSizes, kb } from '../lib/bundle-sizes.ts';
import { lambdaEntries } from '../lib/lambda-entries.ts';

describe('Lambda bundles', () => {
  it(`stay under ${kb(BUNDLE_BUDGET_BYTES)} each`, async () => {
    const sizes = await bundleSizes(lambdaEntries());
    expect(sizes.length).toBeGreaterThan(0);
    const over = sizes
      .filter((s) => s.bytes > BUNDLE_BUDGET_BYTES)
      .map((s) => `${s.name} ${kb(s.bytes)} (${s.heaviest.map((h) => `${h.name} ${kb(h.bytes)}`).join(', ')})`);
    expect(over).toEqual([]);
  }, 120_000);
});
