// docs/widgets.md's sample widget, copied into a temporary folder of functions/widgets with no
// other file changed: CDK synth gives it a rule, a Lambda and a DLQ; the API lists it; the
// local bus delivers its event to it and its note lands on the lead.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { startEvents, type LocalEvents } from '@crm/local/events/index';
import { synthesize } from '../../infra/test/synth.ts';
import { routes } from '../routes.ts';
import { widgetsDir } from '../widgets/discover.ts';
import { widgetRules } from '../widgets/rules.ts';
import { useApi } from './support/api.ts';
import { waitFor } from './support/receiver.ts';

const api = useApi();
const name = `sample-${Math.random().toString(36).slice(2, 8)}`;
const folder = join(widgetsDir(), name);
const doc = readFileSync(new URL('../../docs/widgets.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!.replaceAll("'hello'", `'${name}'`));

let events: LocalEvents | undefined;
beforeAll(() => {
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'manifest.ts'),
    blocks.find((b) => b.includes('defineWidget'))!,
  );
  writeFileSync(
    join(folder, 'handler.ts'),
    blocks.find((b) => b.includes('widgetConsumer'))!,
  );
});
afterAll(async () => {
  await events?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('A widget added as docs/widgets.md says', () => {
  it('gets its own rule, Lambda and DLQ from CDK synth', { timeout: 180_000 }, () => {
    const synth = synthesize({ routes });
    try {
      const template = Template.fromStack(synth.stacks.events);
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: `crm-test-widget-${name}`,
        EventPattern: { source: ['crm'], 'detail-type': ['lead.created'] },
      });
      template.hasResourceProperties('AWS::SQS::Queue', { QueueName: `crm-test-consumer-widget-${name}-dlq` });
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `crm-test-consumer-widget-${name}`,
        Environment: { Variables: { WIDGETS: Match.stringLikeRegexp(`(^|,)${name}(,|$)`) } },
      });
      // cdk-nag clean with it (findings are annotations in each stack's metadata file).
      const findings = synth.assembly.stacks.flatMap((stack) =>
        Object.values(
          JSON.parse(readFileSync(join(synth.assembly.directory, `${stack.id}.metadata.json`), 'utf8')) as Record<
            string,
            Array<{ type: string; data: unknown }>
          >,
        )
          .flat()
          .filter((e) => e.type !== 'aws:cdk:logicalId' && String(e.data).startsWith('AwsSolutions-'))
          .map((e) => String(e.data).split(':')[0]),
      );
      expect(findings).toEqual([]);
    } finally {
      synth.cleanup();
    }
  });

  it('is listed by the API, and the local bus runs it on its event', async () => {
    const account = await api.account();
    const listed = await account.request('GET', '/api/v1/widgets');
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const sample = listed.body.items.find((w: { name: string }) => w.name === name);
    expect(sample).toMatchObject({ enabled: false, secretFields: ['apiToken'], events: ['lead.created'] });
    const saved = await account.request('PUT', `/api/v1/widgets/${name}`, {
      enabled: true,
      settings: { greeting: 'Hello from the sample', apiToken: 'tk' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.secretsSet).toEqual(['apiToken']);

    // A bus of its own, with only the widgets' rules, as `npm start` builds it (the shared one started before the folder existed).
    expect(widgetRules().map((r) => r.name)).toContain(`widget-${name}`);
    events = await startEvents({ env: { ...process.env }, rules: [], pollMs: 100 });
    const lead = await account.request('POST', '/api/v1/leads', { name: 'Greeted lead', price: 1 });
    const note = await waitFor(async () => {
      const notes = await account.request('GET', `/api/v1/leads/${lead.body.id}/notes`);
      return notes.body.items.find((n: { text: string }) => n.text === 'Hello from the sample');
    }, 30_000);
    expect(note.createdBy).toBe(`widget:${name}`);
  });
});
