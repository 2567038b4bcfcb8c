// `cdk synth` as a deploy runs it (bundling on, cdk-nag on, no AWS credentials needed), timed;
// then each function's CDK-built bundle is compared with what the bench measures for the same
// entry, so the bench cannot drift from the deployed code (an edit to a handler while this
// runs shows as drift too: run again). Run: npx tsx infra/scripts/synth-check.ts
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BUNDLE_FILE } from '../lib/bundling.ts';
import { bundleSizes, kb } from '../lib/bundle-sizes.ts';
import { lambdaEntries } from '../lib/lambda-entries.ts';
import { REPO_ROOT } from '../lib/paths.ts';

const STAGE = 'ci';
const tmp = join(REPO_ROOT, '.tmp');
const out = join(tmp, 'synth-check');
rmSync(out, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

// CDK runs a workspace's esbuild as `npx --no-install esbuild`, once per function: npm's own
// start-up (~0.6 s of CPU) 51 times over. This `npx` runs that same binary directly and hands
// every other call to the real npx; what CDK passes to esbuild is unchanged.
const bin = join(tmp, 'synth-bin');
const realNpx = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'npx'))
  .find((path) => !path.startsWith(bin) && existsSync(path));
// Without a real npx to hand the rest to, CDK finds whatever npx there is, as before.
if (realNpx) {
  mkdirSync(bin, { recursive: true });
  const esbuild = join(REPO_ROOT, 'node_modules', '.bin', 'esbuild');
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\nif [ "$1" = --no-install ] && [ "$2" = esbuild ]; then shift 2; exec '${esbuild}' "$@"; fi\nexec '${realNpx}' "$@"\n`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
}

const started = performance.now();
const synth = new Promise<{ status: number | null; output: string; seconds: number }>((done) => {
  const child = spawn(
    join(REPO_ROOT, 'node_modules', '.bin', 'cdk'),
    // With a mail domain, so SES receiving and its Lambda are built and checked too.
    ['synth', '-q', '--no-notices', '-c', `stage=${STAGE}`, '-c', 'mailDomain=mail.example.com', '-o', out],
    {
      cwd: REPO_ROOT,
      // esbuild's per-asset report is noise when all is well; shown only on failure.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: realNpx ? `${bin}${delimiter}${process.env.PATH ?? ''}` : process.env.PATH,
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        TMPDIR: tmp,
        // The `npm ci` of each function with nodeModules installs from the lock file; the audit,
        // funding and update-notifier calls it would make besides say nothing about the bundle.
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_update_notifier: 'false',
        npm_config_prefer_offline: 'true',
      },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('close', (status) => done({ status, output, seconds: (performance.now() - started) / 1000 }));
});
// The bench's own bundles are built meanwhile: CDK spends much of its time waiting on npm.
const bench = await bundleSizes(await lambdaEntries());
const { status, output, seconds } = await synth;
if (status !== 0) {
  console.error(output);
  console.error(`cdk synth failed (exit ${status}) after ${seconds.toFixed(1)} s`);
  process.exit(1);
}

/** Function name -> size of the index.mjs that CDK bundled for it. */
function cdkBundleSizes(): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const file of readdirSync(out).filter((f) => f.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(out, file), 'utf8')) as { Resources: Record<string, { Type: string; Properties: any }> };
    for (const r of Object.values(template.Resources)) {
      const name = r.Properties?.FunctionName;
      if (r.Type !== 'AWS::Lambda::Function' || typeof name !== 'string' || !name.startsWith(`crm-${STAGE}-`)) continue;
      const hash = String(r.Properties.Code.S3Key).replace(/\.zip$/, '');
      sizes.set(name.slice(`crm-${STAGE}-`.length).replace('-', '/'), statSync(join(out, `asset.${hash}`, BUNDLE_FILE)).size);
    }
  }
  return sizes;
}

const cdk = cdkBundleSizes();
let drift = false;
for (const b of bench) {
  const built = cdk.get(b.name);
  const note = built === b.bytes ? '' : `  DRIFT: CDK built ${built === undefined ? 'nothing' : kb(built)}`;
  drift ||= note !== '';
  console.log(`${b.name.padEnd(28)} ${kb(b.bytes).padStart(9)}${note}`);
}
if (cdk.size !== bench.length) {
  drift = true;
  console.log(`CDK built ${cdk.size} functions, the bench knows ${bench.length}`);
}
console.log(`cdk synth with bundling: ${seconds.toFixed(1)} s, ${cdk.size} functions`);
if (!process.argv.includes('--keep')) rmSync(out, { recursive: true, force: true });
if (drift) process.exit(1);
