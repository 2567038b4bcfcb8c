// `cdk synth` with bundling, offline, through the CLI and cdk.json: what a deploy runs first.
// About 20-50 s on two cores, in parallel with the other test files; part of every `npm test`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../lib/paths.ts';

describe('cdk synth (bundling on, no AWS access)', () => {
  it("synthesizes every stack, cdk-nag clean, with CDK bundles equal to the bench's", () => {
    const run = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['infra/scripts/synth-check.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    console.log(run.stdout);
    expect(run.status, run.stderr).toBe(0);
  }, 300_000);
});
