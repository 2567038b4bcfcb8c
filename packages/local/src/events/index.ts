// The local event plumbing in one call: the EventBridge and Scheduler endpoints, the stream
// poller standing in for the Pipe, and the consumer rules of functions/consumers/rules.ts.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type ConsumerRule, consumerRules, EVENT_SOURCE } from '@crm/functions/consumers/rules';
import { type WidgetRule, widgetRules } from '@crm/functions/widgets/rules';
import { EVENT_BUS_NAME, LOCAL_REGION } from '../config.ts';
import { LOCAL_ACCOUNT } from './aws-http.ts';
import { startEventBus, type BusEvent, type LocalEventBus } from './bus.ts';
import type { RetryPolicy } from './delivery.ts';
import { compilePattern } from './pattern.ts';
import { startScheduler, type LocalScheduler, type ScheduleTargetHandler } from './scheduler.ts';
import { StreamPipe } from './stream.ts';

export interface StartEventsOptions {
  /** Needs DYNAMODB_ENDPOINT and TABLE_NAME; AWS_REGION is optional. */
  env: Record<string, string | undefined>;
  /** Keeps schedules and the stream checkpoint; without it, both live in memory. */
  dataDir?: string;
  ports?: { eventBridge?: number; scheduler?: number };
  retry?: RetryPolicy;
  pollMs?: number;
  /** The rule table; functions/consumers/rules.ts when not given. */
  rules?: readonly ConsumerRule[];
  /** The widgets' rules; every folder of functions/widgets when not given. */
  widgets?: readonly WidgetRule[];
  log?: (line: string) => void;
}

export interface LocalEvents {
  env: { EVENTBRIDGE_ENDPOINT: string; SCHEDULER_ENDPOINT: string; EVENT_BUS_NAME: string; EVENT_BUS_ARN: string };
  bus: LocalEventBus;
  scheduler: LocalScheduler;
  stream: StreamPipe;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

export async function startEvents(options: StartEventsOptions): Promise<LocalEvents> {
  const { env, dataDir, retry, log } = options;
  if (!env.DYNAMODB_ENDPOINT || !env.TABLE_NAME) throw new Error('startEvents needs DYNAMODB_ENDPOINT and TABLE_NAME in env');
  const rules = checked(options.rules ?? consumerRules);
  const region = env.AWS_REGION ?? LOCAL_REGION;
  const busArn = `arn:aws:events:${region}:${LOCAL_ACCOUNT}:event-bus/${EVENT_BUS_NAME}`;

  const bus = await startEventBus({ port: options.ports?.eventBridge, retry, log });
  const scheduler = await startScheduler({
    port: options.ports?.scheduler,
    dataDir,
    retry,
    log,
    resolveTarget: (arn) => consumerOfLambdaArn(arn, region),
  });
  scheduler.registerTarget(busArn, async (input, schedule) => {
    const { Source = EVENT_SOURCE, DetailType = 'scheduled' } = schedule.Target.EventBridgeParameters ?? {};
    const [result] = bus.putEvents([{ EventBusName: EVENT_BUS_NAME, Source, DetailType, Detail: input || '{}' }], region);
    if (result?.ErrorCode) throw new Error(`${result.ErrorCode}: ${result.ErrorMessage}`);
  });
  for (const rule of rules) {
    bus.addRule({ name: rule.name, pattern: rule.pattern, target: (event) => invokeConsumer(rule.consumer, event, region) });
  }
  // Each widget as CDK deploys it: its own rule, its handler.ts as the target.
  for (const rule of options.widgets ?? widgetRules()) {
    bus.addRule({ name: rule.name, pattern: rule.pattern, target: (event) => invokeEntry(rule.entry, rule.name, event, region) });
  }

  const stream = new StreamPipe({
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT,
    tableName: env.TABLE_NAME,
    eventBridgeEndpoint: bus.endpoint,
    eventBusName: EVENT_BUS_NAME,
    region,
    dataDir,
    pollMs: options.pollMs,
    log,
  });
  stream.start();

  return {
    env: { EVENTBRIDGE_ENDPOINT: bus.endpoint, SCHEDULER_ENDPOINT: scheduler.endpoint, EVENT_BUS_NAME, EVENT_BUS_ARN: busArn },
    bus,
    scheduler,
    stream,
    async stop() {
      await stream.stop();
      await Promise.all([scheduler.close(), bus.close()]);
    },
  };
}

/** A bad row fails the start, before any endpoint listens. */
function checked(rules: readonly ConsumerRule[]): readonly ConsumerRule[] {
  for (const rule of rules) {
    if (!consumerExists(rule.consumer)) throw new Error(`Rule ${rule.name}: there is no functions/consumers/${rule.consumer}.ts`);
    try {
      compilePattern(rule.pattern);
    } catch (err) {
      throw new Error(`Rule ${rule.name}: ${(err as Error).message}`);
    }
  }
  return rules;
}

function consumerExists(name: string): boolean {
  try {
    return existsSync(require.resolve(`@crm/functions/consumers/${name}`));
  } catch {
    return false;
  }
}

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** Calls a consumer the way Lambda would: its `handler` with the event and a small context. */
async function invokeConsumer(consumer: string, event: BusEvent | unknown, region: string): Promise<void> {
  const module = (await import(`@crm/functions/consumers/${consumer}`)) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`functions/consumers/${consumer}.ts exports no handler`);
  await module.handler(event, lambdaContext(consumer, region));
}

/** Calls a Lambda entry file by its path (a widget's handler.ts). */
async function invokeEntry(entry: string, name: string, event: BusEvent, region: string): Promise<void> {
  const module = (await import(pathToFileURL(entry).href)) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`${entry} exports no handler`);
  await module.handler(event, lambdaContext(name, region));
}

/** Scheduler targets named like `arn:aws:lambda:...:function:<consumer>` run that consumer with the parsed Input. */
function consumerOfLambdaArn(arn: string, region: string): ScheduleTargetHandler | undefined {
  const name = /^arn:aws:lambda:[^:]*:[^:]*:function:([\w-]+)$/.exec(arn)?.[1];
  if (!name || !consumerExists(name)) return undefined;
  return (input) => invokeConsumer(name, input ? JSON.parse(input) : {}, region);
}

function lambdaContext(functionName: string, region: string) {
  const deadline = Date.now() + 900_000;
  return {
    functionName,
    functionVersion: '$LATEST',
    awsRequestId: randomUUID(),
    memoryLimitInMB: '1024',
    invokedFunctionArn: `arn:aws:lambda:${region}:${LOCAL_ACCOUNT}:function:${functionName}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
