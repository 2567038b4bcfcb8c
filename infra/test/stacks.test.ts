// Assertion tests of the whole CDK app from ONE synthesis (bundling skipped): each stack's
// checks live in test/stacks/<stack>.ts. A stand-in consumer rule is added when
// functions/consumers/rules.ts has none, so the rule checks never pass vacuously.
import { afterAll, beforeAll } from 'vitest';
import { loadConsumerRules } from '../lib/consumer-rules.ts';
import { CONSUMERS_DIR } from '../lib/paths.ts';
import { describeApi } from './stacks/api.ts';
import { describeData } from './stacks/data.ts';
import { describeEvents } from './stacks/events.ts';
import { describeNag } from './stacks/nag.ts';
import { describeWeb } from './stacks/web.ts';
import { synthesize, type Synthesized } from './synth.ts';

// Any existing consumer file will do: bundling is skipped, the rule only has to be wired.
const STAND_IN_RULE = { name: 'stand-in', pattern: { source: ['crm'], 'detail-type': ['lead.created'] }, consumer: 'pipe-enrich' };

let synth: Synthesized | undefined;
beforeAll(async () => {
  const rules = await loadConsumerRules(CONSUMERS_DIR);
  synth = synthesize({ consumerRules: rules.length ? rules : [STAND_IN_RULE] });
}, 120_000);
afterAll(() => synth?.cleanup());

const current = () => synth!;
describeData(current);
describeApi(current);
describeEvents(current);
describeWeb(current);
describeNag(current);
