// The local Scheduler, driven by the real @aws-sdk/client-scheduler through `endpoint`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { atExpressionTime } from '../../src/events/at-time.ts';
import { startScheduler, type LocalScheduler } from '../../src/events/scheduler.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const REMINDERS = 'arn:aws:lambda:eu-central-1:000000000000:function:crm-task-reminders';
const HOUR = 3_600_000;
const dataDirs: string[] = [];
let scheduler: LocalScheduler;
let client: SchedulerClient;
let fired: { input: string; name: string }[];

/** `at(...)` for a moment `ms` from now, in UTC. */
const atIn = (ms: number) => `at(${new Date(Date.now() + ms).toISOString().slice(0, 19)})`;

const reminder = (name: string, expression: string, extra: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: 'crm-reminders',
  ScheduleExpression: expression,
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: { Arn: REMINDERS, RoleArn: 'arn:aws:iam::000000000000:role/scheduler', Input: JSON.stringify({ taskId: name }) },
  ...extra,
});

const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-scheduler-'));
  dataDirs.push(dir);
  return dir;
};

async function startLocal(options: Parameters<typeof startScheduler>[0] = {}) {
  const started = await startScheduler({ tickMs: 20, retry: { attempts: 2, firstDelayMs: 5 }, log: () => {}, ...options });
  started.registerTarget(REMINDERS, async (input, schedule) => {
    fired.push({ input, name: schedule.Name });
  });
  return started;
}

const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

beforeAll(async () => {
  fired = [];
  scheduler = await startLocal({ dataDir: newDataDir() });
  client = new SchedulerClient({ endpoint: scheduler.endpoint, region: 'eu-central-1', credentials });
});

afterEach(async () => {
  await scheduler.idle();
  fired = [];
});

afterAll(async () => {
  client.destroy();
  await scheduler.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('Function: atExpressionTime', () => {
  it.each([
    ['UTC when no zone is given', 'at(2026-11-27T09:00:00)', undefined, '2026-11-27T09:00:00.000Z'],
    ['a zone without DST', 'at(2026-11-27T12:00:00)', 'Europe/Moscow', '2026-11-27T09:00:00.000Z'],
    ['a zone in summer time', 'at(2026-07-01T12:00:00)', 'America/New_York', '2026-07-01T16:00:00.000Z'],
    ['a zone in winter time', 'at(2026-01-15T12:00:00)', 'America/New_York', '2026-01-15T17:00:00.000Z'],
  ])('reads %s', (_name, expression, zone, expected) => {
    expect(new Date(atExpressionTime(expression, zone)).toISOString()).toBe(expected);
  });

  it.each([['rate(5 minutes)'], ['cron(0 9 * * ? *)'], ['at(2026-02-30T09:00:00)'], ['at(2026-11-27 09:00:00)']])(
    'refuses %s',
    (expression) => {
      expect(() => atExpressionTime(expression)).toThrow();
    },
  );
});

describe('Class: LocalScheduler', () => {
  describe('Method: CreateSchedule / GetSchedule', () => {
    it('stores a schedule and answers it as AWS does', async () => {
      // Act
      const { ScheduleArn } = await client.send(
        new CreateScheduleCommand(reminder('task-1', 'at(2030-01-01T09:00:00)', { ScheduleExpressionTimezone: 'Europe/Moscow' })),
      );
      const got = await client.send(new GetScheduleCommand({ Name: 'task-1', GroupName: 'crm-reminders' }));
      // Assess
      expect(ScheduleArn).toBe('arn:aws:scheduler:eu-central-1:000000000000:schedule/crm-reminders/task-1');
      expect(got).toMatchObject({
        Arn: ScheduleArn,
        Name: 'task-1',
        GroupName: 'crm-reminders',
        ScheduleExpression: 'at(2030-01-01T09:00:00)',
        ScheduleExpressionTimezone: 'Europe/Moscow',
        State: 'ENABLED',
        ActionAfterCompletion: 'DELETE',
        Target: { Arn: REMINDERS, Input: '{"taskId":"task-1"}' },
        FlexibleTimeWindow: { Mode: 'OFF' },
      });
      expect(got.CreationDate).toBeInstanceOf(Date);
      await client.send(new DeleteScheduleCommand({ Name: 'task-1', GroupName: 'crm-reminders' }));
    });

    it('refuses a second schedule of the same name in a group', async () => {
      await client.send(new CreateScheduleCommand(reminder('task-2', atIn(HOUR))));
      await expect(client.send(new CreateScheduleCommand(reminder('task-2', atIn(HOUR))))).rejects.toBeInstanceOf(ConflictException);
      await client.send(new DeleteScheduleCommand({ Name: 'task-2', GroupName: 'crm-reminders' }));
    });

    it('refuses rate() and cron() expressions with a ValidationException', async () => {
      await expect(client.send(new CreateScheduleCommand(reminder('task-3', 'rate(5 minutes)')))).rejects.toBeInstanceOf(
        ValidationException,
      );
    });

    it('answers ResourceNotFoundException for an unknown schedule', async () => {
      await expect(client.send(new GetScheduleCommand({ Name: 'ghost', GroupName: 'crm-reminders' }))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
      await expect(client.send(new DeleteScheduleCommand({ Name: 'ghost' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('Firing', () => {
    it('fires a due schedule into its target with the Input, then deletes it (ActionAfterCompletion DELETE)', async () => {
      await client.send(new CreateScheduleCommand(reminder('task-4', atIn(-1000))));
      await until(() => fired.length > 0);
      await scheduler.idle();
      expect(fired).toEqual([{ input: '{"taskId":"task-4"}', name: 'task-4' }]);
      await expect(client.send(new GetScheduleCommand({ Name: 'task-4', GroupName: 'crm-reminders' }))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
    });

    it('does not fire before the time, and fires once when kept (ActionAfterCompletion NONE)', async () => {
      await client.send(new CreateScheduleCommand(reminder('task-5', atIn(HOUR), { ActionAfterCompletion: 'NONE' })));
      scheduler.fireDue();
      await scheduler.idle();
      expect(fired).toEqual([]);
      scheduler.fireDue(Date.now() + 2 * HOUR);
      await scheduler.idle();
      scheduler.fireDue(Date.now() + 3 * HOUR);
      await scheduler.idle();
      expect(fired.map((f) => f.name)).toEqual(['task-5']);
      expect((await client.send(new GetScheduleCommand({ Name: 'task-5', GroupName: 'crm-reminders' }))).State).toBe('ENABLED');
      const listed = await client.send(new ListSchedulesCommand({ GroupName: 'crm-reminders', NamePrefix: 'task-' }));
      expect(listed.Schedules?.map((s) => [s.Name, s.Target?.Arn])).toEqual([['task-5', REMINDERS]]);
      await client.send(new DeleteScheduleCommand({ Name: 'task-5', GroupName: 'crm-reminders' }));
    });

    it('moves a reminder with UpdateSchedule', async () => {
      await client.send(new CreateScheduleCommand(reminder('task-6', atIn(HOUR))));
      await client.send(
        new UpdateScheduleCommand({ ...reminder('task-6', atIn(-1000)), Target: { ...reminder('', '').Target!, Input: '{"moved":true}' } }),
      );
      await until(() => fired.length > 0);
      expect(fired).toEqual([{ input: '{"moved":true}', name: 'task-6' }]);
    });

    it('skips a DISABLED schedule', async () => {
      await client.send(new CreateScheduleCommand(reminder('task-7', atIn(-1000), { State: 'DISABLED' })));
      scheduler.fireDue();
      await scheduler.idle();
      expect(fired).toEqual([]);
      await client.send(new DeleteScheduleCommand({ Name: 'task-7', GroupName: 'crm-reminders' }));
    });

    it('dead-letters a schedule whose target ARN nobody serves', async () => {
      await client.send(
        new CreateScheduleCommand(
          reminder('task-8', atIn(-1000), {
            Target: { Arn: 'arn:aws:lambda:eu-central-1:000000000000:function:nobody', RoleArn: 'arn:r' },
          }),
        ),
      );
      await until(() => scheduler.deadLetters.length > 0);
      expect(scheduler.deadLetters[0]).toMatchObject({ target: 'crm-reminders/task-8', attempts: 2 });
    });
  });

  describe('Restart', () => {
    it('catches up with a schedule that fell due while it was stopped', async () => {
      // Prepare: a scheduler that never ticks takes the schedule, then stops
      const dataDir = newDataDir();
      const before = await startLocal({ dataDir, tickMs: 60_000 });
      const beforeClient = new SchedulerClient({ endpoint: before.endpoint, region: 'eu-central-1', credentials });
      await beforeClient.send(new CreateScheduleCommand(reminder('task-9', atIn(-1000))));
      beforeClient.destroy();
      await before.close();
      // Act
      const after = await startLocal({ dataDir });
      await until(() => fired.length > 0);
      await after.idle();
      await after.close();
      // Assess
      expect(fired).toEqual([{ input: '{"taskId":"task-9"}', name: 'task-9' }]);
      const again = await startLocal({ dataDir });
      expect(again.getSchedule('task-9', 'crm-reminders')).toBeUndefined();
      await again.close();
    });
  });
});
