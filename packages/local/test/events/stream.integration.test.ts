// End to end on the real stand-ins: a TransactWrite on DynamoDB Local (with its stream) ->
// the stream poller (the Pipe) -> the local bus -> a rule target; then a restart that neither
// repeats nor loses an event, a schedule that targets the bus, and what the poller asks of the table.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient, ensureCrmTable, startDynamoDb, type DynamoDbLocal } from '../../src/dynamodb.ts';
import { startEventBus, type BusEvent } from '../../src/events/bus.ts';
import { startEvents, type LocalEvents } from '../../src/events/index.ts';
import { StreamPipe } from '../../src/events/stream.ts';

const TABLE_NAME = 'crm-events-it';
let dynamo: DynamoDbLocal;
let dataDir: string;
let env: Record<string, string>;
let events: LocalEvents;
let received: BusEvent[];

async function startPlumbing() {
  const started = await startEvents({ env, dataDir, rules: [], pollMs: 50, retry: { attempts: 2, firstDelayMs: 5 } });
  started.bus.addRule({
    name: 'everything-crm',
    pattern: { source: ['crm'] },
    target: async (e) => {
      received.push(e);
    },
  });
  return started;
}

/** A lead and its event-log item in one transaction, as core writes them. */
async function writeLeadWithEvent(leadId: string, eventId: string, tableName = TABLE_NAME) {
  const client = dynamoClient(env.DYNAMODB_ENDPOINT!);
  const lead = {
    pk: '$crm#accountid_acc1',
    sk: `$lead_1#leadid_${leadId}`,
    __edb_e__: 'lead',
    __edb_v__: '1',
    accountId: 'acc1',
    leadId,
    name: 'Big deal',
    price: 1500,
  };
  const event = {
    pk: '$crm#accountid_acc1',
    sk: `$event_1#eventid_${eventId}`,
    gsi1pk: `$crm#accountid_acc1#entitytype_lead#entityid_${leadId}`,
    gsi1sk: `$event_1#eventid_${eventId}`,
    __edb_e__: 'event',
    __edb_v__: '1',
    accountId: 'acc1',
    eventId,
    type: 'lead.created',
    occurredAt: '2026-11-27T09:00:00.000Z',
    actor: { type: 'user', id: 'u1' },
    actorId: 'u1',
    entityType: 'lead',
    entityId: leadId,
    data: { name: 'Big deal', price: 1500 },
  };
  await client.send(
    new TransactWriteItemsCommand({
      TransactItems: [lead, event].map((item) => ({ Put: { TableName: tableName, Item: marshall(item) } })),
    }),
  );
  client.destroy();
}

async function settle(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 600)); // a few more polls: anything extra would show up now
  await events.bus.idle();
}

beforeAll(async () => {
  dynamo = await startDynamoDb();
  await ensureCrmTable(dynamo.endpoint, TABLE_NAME);
  dataDir = mkdtempSync(join(tmpdir(), 'crm-events-'));
  env = { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME, AWS_REGION: 'us-east-1' };
  received = [];
  events = await startPlumbing();
}, 120_000);

afterAll(async () => {
  await events?.stop();
  await dynamo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Local event plumbing', () => {
  it('delivers exactly one envelope for a lead written with its event item', async () => {
    // Act
    await writeLeadWithEvent('l1', '01JEV0001');
    await settle(() => received.length > 0);
    // Assess
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      source: 'crm',
      'detail-type': 'lead.created',
      time: '2026-11-27T09:00:00Z',
      detail: {
        id: '01JEV0001',
        type: 'lead.created',
        accountId: 'acc1',
        occurredAt: '2026-11-27T09:00:00.000Z',
        actor: { type: 'user', id: 'u1' },
        entity: { type: 'lead', id: 'l1' },
        data: { name: 'Big deal', price: 1500 },
      },
    });
    expect(JSON.stringify(received[0]!.detail)).not.toMatch(/__edb|"pk"|gsi1|actorId/);
  }, 30_000);

  it('ignores changes to event items that are not inserts', async () => {
    received.length = 0;
    const client = dynamoClient(env.DYNAMODB_ENDPOINT!);
    const item = {
      pk: '$crm#accountid_acc1',
      sk: '$event_1#eventid_01JEV0001',
      __edb_e__: 'event',
      accountId: 'acc1',
      eventId: '01JEV0001',
      type: 'lead.created',
    };
    await client.send(new PutItemCommand({ TableName: TABLE_NAME, Item: marshall({ ...item, occurredAt: 'rewritten' }) }));
    client.destroy();
    await settle(() => false, 300);
    expect(received).toEqual([]);
  }, 30_000);

  it('after a restart, delivers what was written meanwhile and nothing twice', async () => {
    // Prepare
    await events.stop();
    received.length = 0;
    await writeLeadWithEvent('l2', '01JEV0002');
    // Act
    events = await startPlumbing();
    await settle(() => received.length > 0);
    // Assess
    expect(received.map((e) => (e.detail as { id: string }).id)).toEqual(['01JEV0002']);
  }, 30_000);

  it('puts a schedule that targets the bus on the bus when due', async () => {
    // Prepare
    received.length = 0;
    const scheduler = new SchedulerClient({
      endpoint: events.env.SCHEDULER_ENDPOINT,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    // Act
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'task-t1-due',
        GroupName: 'crm-reminders',
        ScheduleExpression: `at(${new Date(Date.now() - 1000).toISOString().slice(0, 19)})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: events.env.EVENT_BUS_ARN,
          RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
          Input: JSON.stringify({ taskId: 't1' }),
          EventBridgeParameters: { Source: 'crm', DetailType: 'task.due' },
        },
      }),
    );
    scheduler.destroy();
    await settle(() => received.length > 0);
    await events.scheduler.idle();
    // Assess
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ source: 'crm', 'detail-type': 'task.due', detail: { taskId: 't1' } });
  }, 30_000);

  it('runs a consumer named by a scheduler target ARN (arn:aws:lambda:...:function:<consumer>)', async () => {
    // Prepare: pipe-enrich is the one consumer that surely exists; an empty batch is a valid input
    const scheduler = new SchedulerClient({
      endpoint: events.env.SCHEDULER_ENDPOINT,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const deadLettersBefore = events.scheduler.deadLetters.length;
    // Act
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'enrich-nothing',
        ScheduleExpression: `at(${new Date(Date.now() - 1000).toISOString().slice(0, 19)})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: 'arn:aws:lambda:us-east-1:000000000000:function:pipe-enrich',
          RoleArn: 'arn:aws:iam::000000000000:role/scheduler',
          Input: '[]',
        },
      }),
    );
    scheduler.destroy();
    await settle(() => events.scheduler.getSchedule('enrich-nothing') === undefined);
    await events.scheduler.idle();
    // Assess: resolved and ran (an unresolved ARN ends in the dead-letter list)
    expect(events.scheduler.getSchedule('enrich-nothing')).toBeUndefined();
    expect(events.scheduler.deadLetters.length).toBe(deadLettersBefore);
  }, 30_000);

  it('refuses to start with a rule whose consumer file does not exist, or whose pattern is invalid', async () => {
    await expect(
      startEvents({ env, rules: [{ name: 'ghost', pattern: { source: ['crm'] }, consumer: 'no-such-consumer' }] }),
    ).rejects.toThrow('functions/consumers/no-such-consumer.ts');
    // @ts-expect-error the rule type already refuses a source that is not a list; the start must refuse it too
    await expect(startEvents({ env, rules: [{ name: 'bad', pattern: { source: 'crm' }, consumer: 'pipe-enrich' }] })).rejects.toThrow(
      'Rule bad',
    );
  });
});

/**
 * DynamoDB Local behind a proxy that counts the operations asked of it (by X-Amz-Target), and
 * lets a test act before one is passed on.
 */
async function countingProxy(endpoint: string, before?: (operation: string) => Promise<void>) {
  const calls = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop()!;
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
    await before?.(operation);
    const upstream = request(new URL(req.url!, endpoint), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: (operation: string) => calls.get(operation) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Stream poller', () => {
  const POLLER_TABLE = 'crm-poller-it';
  const pollTimes = async (pipe: StreamPipe, n: number) => {
    let published = 0;
    for (let i = 0; i < n; i++) published += await pipe.pollOnce();
    return published;
  };

  it('asks the table for its stream once, not on every poll, and again only when that stream is gone', async () => {
    // Prepare
    await ensureCrmTable(dynamo.endpoint, POLLER_TABLE);
    const proxy = await countingProxy(dynamo.endpoint);
    const bus = await startEventBus();
    const pipe = new StreamPipe({
      dynamodbEndpoint: proxy.endpoint,
      tableName: POLLER_TABLE,
      eventBridgeEndpoint: bus.endpoint,
      eventBusName: 'crm',
      region: 'us-east-1',
      log: () => {},
    });
    try {
      // Act: five polls with a change in the middle
      const before = await pollTimes(pipe, 2);
      await writeLeadWithEvent('l3', '01JEV0003', POLLER_TABLE);
      const after = await pollTimes(pipe, 3);
      // Assess
      expect([before, after]).toEqual([0, 1]);
      expect(proxy.count('DescribeStream')).toBe(5);
      expect(proxy.count('DescribeTable')).toBe(1);

      // Act: the table re-created, so its stream is a new one; the old one is disabled
      const client = dynamoClient(dynamo.endpoint);
      await client.send(new DeleteTableCommand({ TableName: POLLER_TABLE }));
      client.destroy();
      await ensureCrmTable(dynamo.endpoint, POLLER_TABLE);
      await writeLeadWithEvent('l4', '01JEV0004', POLLER_TABLE);
      const fromNewStream = await pollTimes(pipe, 4);
      // Assess: one more DescribeTable finds the new stream, whose event arrives
      expect(fromNewStream).toBe(1);
      expect(proxy.count('DescribeTable')).toBe(2);
    } finally {
      await pipe.stop();
      await bus.close();
      await proxy.close();
    }
  }, 30_000);

  it('with LATEST and no checkpoint, skips what the stream held and keeps its place from the first poll on', async () => {
    // Prepare: a table whose stream already holds an event
    const table = 'crm-latest-it';
    const latestDir = mkdtempSync(join(tmpdir(), 'crm-latest-'));
    await ensureCrmTable(dynamo.endpoint, table);
    await writeLeadWithEvent('l5', '01JEV0005', table);
    const bus = await startEventBus();
    const pipe = () =>
      new StreamPipe({
        dynamodbEndpoint: dynamo.endpoint,
        tableName: table,
        eventBridgeEndpoint: bus.endpoint,
        eventBusName: 'crm',
        region: 'us-east-1',
        dataDir: latestDir,
        startingPosition: 'LATEST',
        log: () => {},
      });
    let first = pipe();
    try {
      // Act: the first poll only finds the end; a write after it, read by a new poller (as after a crash)
      const skipped = await pollTimes(first, 1);
      await first.stop();
      await writeLeadWithEvent('l6', '01JEV0006', table);
      first = pipe();
      const afterRestart = await pollTimes(first, 2);
      // Assess
      expect([skipped, afterRestart]).toEqual([0, 1]);
    } finally {
      await first.stop();
      await bus.close();
      rmSync(latestDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('with LATEST and no checkpoint, delivers what is written while it reads to the end of the stream', async () => {
    // Prepare: a stream with history; an event is written just as the poller begins to read it
    const table = 'crm-latest-race-it';
    const latestDir = mkdtempSync(join(tmpdir(), 'crm-latest-'));
    await ensureCrmTable(dynamo.endpoint, table);
    await writeLeadWithEvent('l7', '01JEV0007', table);
    let written = false;
    const proxy = await countingProxy(dynamo.endpoint, async (operation) => {
      if (operation !== 'GetRecords' || written) return;
      written = true;
      await writeLeadWithEvent('l8', '01JEV0008', table);
    });
    const bus = await startEventBus();
    const onBus: string[] = [];
    bus.addRule({ name: 'all', pattern: { source: ['crm'] }, target: async (e) => void onBus.push((e.detail as { id: string }).id) });
    const options = {
      dynamodbEndpoint: proxy.endpoint,
      tableName: table,
      eventBridgeEndpoint: bus.endpoint,
      eventBusName: 'crm',
      region: 'us-east-1',
      dataDir: latestDir,
      startingPosition: 'LATEST' as const,
      log: () => {},
    };
    let pipe = new StreamPipe(options);
    try {
      // Act: the first pass, then a restart from its checkpoint
      const first = await pollTimes(pipe, 1);
      await pipe.stop();
      pipe = new StreamPipe(options);
      const afterRestart = await pollTimes(pipe, 2);
      await bus.idle();
      // Assess: the history skipped, the event written during the first pass delivered once
      expect([written, first, afterRestart]).toEqual([true, 1, 0]);
      expect(onBus).toEqual(['01JEV0008']);
    } finally {
      await pipe.stop();
      await bus.close();
      await proxy.close();
      rmSync(latestDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('puts again the events the bus refuses (FailedEntryCount) and keeps its place until they are on the bus', async () => {
    // Prepare: a bus whose first PutEvents answers that its first entry failed
    const table = 'crm-refused-it';
    await ensureCrmTable(dynamo.endpoint, table);
    const bus = await startEventBus();
    const onBus: string[] = [];
    bus.addRule({ name: 'all', pattern: { source: ['crm'] }, target: async (e) => void onBus.push((e.detail as { id: string }).id) });
    let putEvents = 0;
    const refusing = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (++putEvents === 1) {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] }));
          return;
        }
        const upstream = request(new URL(req.url!, bus.endpoint), { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        });
        upstream.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const pipe = new StreamPipe({
      dynamodbEndpoint: dynamo.endpoint,
      tableName: table,
      eventBridgeEndpoint: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`,
      eventBusName: 'crm',
      region: 'us-east-1',
      log: () => {},
    });
    try {
      // Act
      await writeLeadWithEvent('l9', '01JEV0009', table);
      const published = await pollTimes(pipe, 2);
      await bus.idle();
      // Assess: put twice, on the bus once
      expect([published, putEvents]).toEqual([1, 2]);
      expect(onBus).toEqual(['01JEV0009']);
    } finally {
      await pipe.stop();
      await bus.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  }, 30_000);
});
