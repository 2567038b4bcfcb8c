// EventBridge Scheduler, shared by whatever books one-time schedules onto the bus (task
// reminders, webhook retries): its settings, one client per warm Lambda, and the `at()` form.
import { config } from './config.ts';
import { onFirstUse } from './first-use.ts';

/** Set by the CDK (every function) and, for the endpoint and bus, by the local runtime. */
export const schedulerSettings = () => ({
  endpoint: process.env.SCHEDULER_ENDPOINT,
  busArn: process.env.EVENT_BUS_ARN,
  group: process.env.SCHEDULER_GROUP ?? 'default',
  // The local Scheduler needs some role but assumes none.
  roleArn:
    process.env.SCHEDULER_ROLE_ARN ?? (process.env.SCHEDULER_ENDPOINT ? 'arn:aws:iam::000000000000:role/local-scheduler' : undefined),
  dlqArn: process.env.SCHEDULER_DLQ_ARN,
});
export type SchedulerSettings = ReturnType<typeof schedulerSettings>;

/** The Scheduler SDK (commands, exceptions) and its client, loaded by the first call, not at cold start. */
export const scheduler = onFirstUse(async () => {
  const sdk = await import('@aws-sdk/client-scheduler');
  return { sdk, client: new sdk.SchedulerClient({ region: config.region, endpoint: schedulerSettings().endpoint, maxAttempts: 3 }) };
});

/** `at()` takes whole seconds: round up, so a schedule never fires before its time (Unix ms). */
export const atExpression = (ms: number) => `at(${new Date(Math.ceil(ms / 1000) * 1000).toISOString().slice(0, 19)})`;
