// Synthesizes the CRM app for assertion tests: bundling skipped (context aws:cdk:bundling-stacks),
// temp files and cloud assembly under .tmp/ in the repo, removed again by `cleanup`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { routes } from '@crm/functions/routes';
import { buildCrmApp, type CrmAppOptions } from '../lib/crm-app.ts';
import { applyNag } from '../lib/nag.ts';
import { REPO_ROOT } from '../lib/paths.ts';

const TMP = join(REPO_ROOT, '.tmp');
mkdirSync(TMP, { recursive: true });
// CDK stages assets through os.tmpdir(): keep them inside the workspace.
process.env.TMPDIR = TMP;

/** The feature flags and settings of cdk.json, so the tests synthesize what `cdk synth` does. */
const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

export function synthesize(options: Partial<CrmAppOptions> = {}) {
  const outdir = mkdtempSync(join(TMP, 'cdk-test-'));
  const app = new App({ outdir, context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildCrmApp(app, { stage: 'test', routes, ...options });
  applyNag(app, stacks);
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  return {
    app,
    stacks,
    assembly,
    template(stack: Stack): Template {
      if (!templates.has(stack)) templates.set(stack, Template.fromStack(stack));
      return templates.get(stack)!;
    },
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export type Synthesized = ReturnType<typeof synthesize>;
