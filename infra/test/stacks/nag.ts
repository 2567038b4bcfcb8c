// cdk-nag AwsSolutions (2.x reports findings as annotations): none may be left unacknowledged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Synthesized } from '../synth.ts';

type Entry = { type: string; data: unknown };

/**
 * Read from the synthesized assembly's <stack>.metadata.json files: Annotations.fromStack would
 * synthesize every stack again, and on that second pass cross-stack tokens are already imports.
 */
export function nagFindings(assembly: CloudAssembly): string[] {
  return assembly.stacks.flatMap((stack) => {
    const byPath = JSON.parse(readFileSync(join(assembly.directory, `${stack.id}.metadata.json`), 'utf8')) as Record<string, Entry[]>;
    return Object.entries(byPath).flatMap(([path, entries]) =>
      entries
        .filter((e) => (e.type === 'aws:cdk:error' || e.type === 'aws:cdk:warning') && String(e.data).startsWith('AwsSolutions-'))
        .map((e) => `${path}: ${String(e.data).split(':')[0]}`),
    );
  });
}

export const describeNag = (synth: () => Synthesized) =>
  describe('cdk-nag AwsSolutions', () => {
    it('finds an unacknowledged finding where there is one', () => {
      const outdir = mkdtempSync(join(process.env.TMPDIR!, 'cdk-nag-'));
      const app = new App({ outdir });
      new Queue(new Stack(app, 'Bad'), 'NoDlq');
      Aspects.of(app).add(new AwsSolutionsChecks());
      expect(nagFindings(app.synth())).toContain('/Bad/NoDlq/Resource: AwsSolutions-SQS3');
      rmSync(outdir, { recursive: true, force: true });
    });

    it('has no unacknowledged finding in any stack', () => {
      expect(nagFindings(synth().assembly)).toEqual([]);
    });
  });
