// EventBridge Scheduler, shared by whatever books one-time schedules onto the bus (task
// reminders, webhook retries, delayed automations): its settings, one client per warm Lambda,
// the `at()` form, and the booking itself.
import type { CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
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

/** A one-time schedule that puts `input` on the bus at `at` (Unix ms) as the event `source` / `detailType`. */
export interface BusBooking {
  /** Unique per thing booked (64 characters at most): the Scheduler refuses a second schedule of the same name. */
  name: string;
  at: number;
  input: unknown;
  event: { source: string; detailType: string };
  /** The Scheduler's own retries of the put (its default: 185 tries within 24 h). */
  retryPolicy?: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
  /** A name booked already (a redelivered event) is kept as it is, or, with `update`, moved to this booking. */
  onConflict?: 'keep' | 'update';
  /** What the booking is for, said when the settings are missing. */
  purpose: string;
}

/** Books `booking` with the Scheduler, at most once per name. */
export async function bookOnBus(booking: BusBooking): Promise<void> {
  const s = schedulerSettings();
  if (!s.busArn || !s.roleArn) throw new Error(`EVENT_BUS_ARN and SCHEDULER_ROLE_ARN are needed to ${booking.purpose}`);
  const input: CreateScheduleCommandInput = {
    Name: booking.name.slice(0, 64),
    GroupName: s.group,
    ScheduleExpression: atExpression(booking.at),
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: s.busArn,
      RoleArn: s.roleArn,
      Input: JSON.stringify(booking.input),
      EventBridgeParameters: { Source: booking.event.source, DetailType: booking.event.detailType },
      ...(booking.retryPolicy ? { RetryPolicy: booking.retryPolicy } : {}),
      ...(s.dlqArn ? { DeadLetterConfig: { Arn: s.dlqArn } } : {}),
    },
  };
  const { sdk, client } = await scheduler();
  try {
    await client.send(new sdk.CreateScheduleCommand(input));
  } catch (err) {
    if (!(err instanceof sdk.ConflictException)) throw err;
    if (booking.onConflict === 'update') await client.send(new sdk.UpdateScheduleCommand(input));
  }
}
