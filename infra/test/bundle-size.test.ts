// The bundle budget: every Lambda stays under 250 KB minified (AWS SDK external), measured with
// the esbuild options the CDK app uses. The failure names each function's heaviest packages.
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_BUDGET_BYTES, bundleSizes, kb, type BundleSize } from '../lib/bundle-sizes.ts';
import { bundlingFor } from '../lib/bundling.ts';
import { lambdaEntries } from '../lib/lambda-entries.ts';
import { widgetRules } from '@crm/functions/widgets/rules';

describe('Lambda bundles', () => {
  let sizes: BundleSize[];
  beforeAll(async () => {
    sizes = await bundleSizes(lambdaEntries());
  }, 120_000);

  it(`stay under ${kb(BUNDLE_BUDGET_BYTES)} each`, () => {
    expect(sizes.length).toBeGreaterThan(0);
    const over = sizes
      .filter((s) => s.bytes > BUNDLE_BUDGET_BYTES)
      .map((s) => `${s.name} ${kb(s.bytes)} (${s.heaviest.map((h) => `${h.name} ${kb(h.bytes)}`).join(', ')})`);
    expect(over).toEqual([]);
  });

  // A library left external (mail, XLSX) must be installed with each function that imports it, and
  // only there: a widget's Lambda that pulled in the mail libraries would also start slower.
  it('install exactly the external libraries they import', () => {
    const wrong = sizes
      .map((s) => ({ name: s.name, imports: s.installs, installed: [...(bundlingFor(s.entry).nodeModules ?? [])].sort() }))
      .filter((s) => s.imports.join() !== s.installed.join());
    expect(wrong).toEqual([]);
  });

  // Each widget's consumer starts with its own widget only: the registry's imports of every
  // folder (and with them the mail libraries) once made these Lambdas start 2.5-3x slower.
  it("bundle no other widget's code into a widget's Lambda", () => {
    const strays = widgetRules().flatMap((rule) => {
      const size = sizes.find((s) => s.name === `consumer/${rule.name}`);
      if (!size) return [`consumer/${rule.name}: not bundled`];
      const others = size.sources.filter(
        (f) => /^functions\/widgets\/[^/]+\//.test(f) && !f.startsWith(`functions/widgets/${rule.widget}/`),
      );
      return others.map((f) => `consumer/${rule.name}: ${f}`);
    });
    expect(strays).toEqual([]);
  });

  // A Lambda builds only its own operations' schemas: each group's file is loaded on first use
  // (contract/src/operation-groups.ts), which makes esbuild wrap the contract's modules in lazy
  // initialisers. Taken through the package's index (side-effect free), such a module's
  // initialiser is never called and its values stay undefined in the bundle; taken by module
  // (`@crm/contract/leads`), it is called first. So Lambda code imports contract values by module.
  it("take the contract's values by module, never through its index", () => {
    const throughIndex = sizes.flatMap((s) =>
      s.sources.filter((f) => /^packages\/contract\/src\/(index|schemas|operations)\.ts$/.test(f)).map((f) => `${s.name}: ${f}`),
    );
    expect(throughIndex).toEqual([]);
  });
});
