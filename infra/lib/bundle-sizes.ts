// Bundles Lambda entries with esbuild exactly as the CDK does (bundling.ts) and measures the
// minified JavaScript, source map excluded, AWS SDK external; says which packages weigh most.
import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { BUNDLE_FILE, esbuildOptions } from './bundling.ts';
import type { LambdaEntry } from './lambda-entries.ts';
import { REPO_ROOT } from './paths.ts';

/** Per function, minified, AWS SDK excluded (the budget). */
export const BUNDLE_BUDGET_BYTES = 250 * 1000;

export interface BundleSize extends LambdaEntry {
  bytes: number;
  /** The heaviest packages (or repo folders) in the bundle, heaviest first. */
  heaviest: { name: string; bytes: number }[];
}

export async function bundleSizes(entries: readonly LambdaEntry[]): Promise<BundleSize[]> {
  return Promise.all(entries.map(async (e) => {
    // Not written (write: false); the path only makes the source-map comment the same as the CDK's.
    const outfile = join(REPO_ROOT, '.tmp', 'bench', e.name, BUNDLE_FILE);
    const result = await build({
      ...esbuildOptions(e.entry, outfile), absWorkingDir: REPO_ROOT, write: false, metafile: true, logLevel: 'error',
    });
    const js = result.outputFiles.find((f) => f.path === outfile);
    if (!js) throw new Error(`esbuild wrote no ${BUNDLE_FILE} for ${e.entry}`);
    return { ...e, bytes: js.contents.byteLength, heaviest: heaviestInputs(result.metafile) };
  }));
}

function heaviestInputs(metafile: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, 2).join('/');
      totals.set(pkg, (totals.get(pkg) ?? 0) + input.bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 4);
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
