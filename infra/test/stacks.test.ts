// Assertion tests of the whole CDK app from ONE synthesis (bundling skipped): each stack's
// checks live in test/stacks/<stack>.ts.
import { afterAll, beforeAll } from 'vitest';
import { describeApi } from './stacks/api.ts';
import { describeData } from './stacks/data.ts';
import { describeEvents } from './stacks/events.ts';
import { describeNag } from './stacks/nag.ts';
import { describeWeb } from './stacks/web.ts';
import { describeAccess } from './stacks/access.ts';
import { describeLive } from './stacks/live.ts';
import { describeMailOff } from './stacks/mail.ts';
import { synthesize, type Synthesized } from './synth.ts';

let synth: Synthesized | undefined;
beforeAll(() => {
  synth = synthesize();
}, 120_000);
afterAll(() => synth?.cleanup());

const current = () => synth!;
describeData(current);
describeApi(current);
describeEvents(current);
describeWeb(current);
describeNag(current);
describeAccess(current);
describeLive(current);
describeMailOff(current);
