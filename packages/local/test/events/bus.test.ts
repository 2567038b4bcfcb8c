// The local EventBridge, driven by the real @aws-sdk/client-eventbridge through `endpoint`.
import {
  DeleteRuleCommand,
  EventBridgeClient,
  InvalidEventPatternException,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  ResourceNotFoundException,
  TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEventBus, type BusEvent, type LocalEventBus } from '../../src/events/bus.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let bus: LocalEventBus;
let client: EventBridgeClient;

const leadCreated = (id: string) => ({
  EventBusName: 'crm',
  Source: 'crm',
  DetailType: 'lead.created',
  Detail: JSON.stringify({ id, type: 'lead.created', accountId: 'acc1', data: { price: 100 } }),
});

beforeAll(async () => {
  bus = await startEventBus({ retry: { attempts: 3, firstDelayMs: 5 }, log: () => {} });
  client = new EventBridgeClient({ endpoint: bus.endpoint, region: 'eu-central-1', credentials });
});

afterAll(async () => {
  client.destroy();
  await bus.close();
});

afterEach(() => {
  for (const name of ['leads', 'flaky', 'broken']) bus.removeRule(name);
  bus.deadLetters.length = 0;
});

describe('Class: LocalEventBus', () => {
  describe('Method: PutEvents', () => {
    it('routes a matching event to an in-process rule target, shaped as EventBridge delivers it', async () => {
      // Prepare
      const received: BusEvent[] = [];
      bus.addRule({
        name: 'leads',
        pattern: { source: ['crm'], 'detail-type': [{ prefix: 'lead.' }] },
        target: async (e) => {
          received.push(e);
        },
      });
      // Act
      const answer = await client.send(
        new PutEventsCommand({
          Entries: [leadCreated('l1'), { ...leadCreated('c1'), DetailType: 'contact.created' }],
        }),
      );
      await bus.idle();
      // Assess
      expect(answer.FailedEntryCount).toBe(0);
      expect(answer.Entries).toHaveLength(2);
      expect(answer.Entries?.every((e) => typeof e.EventId === 'string')).toBe(true);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        version: '0',
        id: answer.Entries![0]!.EventId,
        'detail-type': 'lead.created',
        source: 'crm',
        account: '000000000000',
        region: 'eu-central-1',
        resources: [],
        detail: { id: 'l1', data: { price: 100 } },
      });
      expect(received[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    it('keeps the time the producer gave', async () => {
      const received: BusEvent[] = [];
      bus.addRule({
        name: 'leads',
        pattern: { source: ['crm'] },
        target: async (e) => {
          received.push(e);
        },
      });
      await client.send(new PutEventsCommand({ Entries: [{ ...leadCreated('l2'), Time: new Date('2026-11-27T09:00:00.000Z') }] }));
      await bus.idle();
      expect(received[0]!.time).toBe('2026-11-27T09:00:00Z');
    });

    it('reports bad entries one by one and still delivers the good ones', async () => {
      const received: BusEvent[] = [];
      bus.addRule({
        name: 'leads',
        pattern: { source: ['crm'] },
        target: async (e) => {
          received.push(e);
        },
      });
      const answer = await client.send(
        new PutEventsCommand({
          Entries: [
            leadCreated('l3'),
            { ...leadCreated('x'), Detail: 'not json' },
            { ...leadCreated('y'), EventBusName: 'nope' },
            { Source: 'crm' },
          ],
        }),
      );
      await bus.idle();
      expect(answer.FailedEntryCount).toBe(3);
      expect(answer.Entries?.map((e) => e.ErrorCode)).toEqual([
        undefined,
        'MalformedDetail',
        'ResourceNotFoundException',
        'InvalidArgument',
      ]);
      expect(received).toHaveLength(1);
    });

    it('retries a failing target and then succeeds', async () => {
      let calls = 0;
      bus.addRule({
        name: 'flaky',
        pattern: { source: ['crm'] },
        target: async () => {
          if (++calls < 3) throw new Error('busy');
        },
      });
      await client.send(new PutEventsCommand({ Entries: [leadCreated('l4')] }));
      await bus.idle();
      expect(calls).toBe(3);
      expect(bus.deadLetters).toEqual([]);
    });

    it('parks the event in the dead-letter list when every attempt failed', async () => {
      bus.addRule({
        name: 'broken',
        pattern: { source: ['crm'] },
        target: async () => {
          throw new Error('webhook down');
        },
      });
      await client.send(new PutEventsCommand({ Entries: [leadCreated('l5')] }));
      await bus.idle();
      expect(bus.deadLetters).toHaveLength(1);
      expect(bus.deadLetters[0]).toMatchObject({
        target: 'broken/in-process',
        error: 'webhook down',
        attempts: 3,
        payload: { detail: { id: 'l5' } },
      });
    });

    it('refuses more than 10 entries, as EventBridge does', async () => {
      await expect(
        client.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, (_, i) => leadCreated(`l${i}`)) })),
      ).rejects.toMatchObject({ name: 'ValidationException' });
    });
  });

  describe('Method: PutRule / PutTargets / ListRules / RemoveTargets / DeleteRule', () => {
    it('manages rules through the API and calls targets registered by ARN', async () => {
      // Prepare
      const arn = 'arn:aws:lambda:eu-central-1:000000000000:function:crm-webhooks';
      const received: BusEvent[] = [];
      bus.registerTarget(arn, async (e) => {
        received.push(e);
      });
      // Act
      const { RuleArn } = await client.send(
        new PutRuleCommand({ Name: 'webhooks', EventBusName: 'crm', EventPattern: JSON.stringify({ source: ['crm'] }) }),
      );
      await client.send(new PutTargetsCommand({ Rule: 'webhooks', EventBusName: 'crm', Targets: [{ Id: 'fn', Arn: arn }] }));
      await client.send(new PutEventsCommand({ Entries: [leadCreated('l6')] }));
      await bus.idle();
      const listed = await client.send(new ListRulesCommand({ EventBusName: 'crm', NamePrefix: 'web' }));
      const targets = await client.send(new ListTargetsByRuleCommand({ Rule: 'webhooks', EventBusName: 'crm' }));
      await client.send(new RemoveTargetsCommand({ Rule: 'webhooks', EventBusName: 'crm', Ids: ['fn'] }));
      await client.send(new PutEventsCommand({ Entries: [leadCreated('l7')] }));
      await bus.idle();
      await client.send(new DeleteRuleCommand({ Name: 'webhooks', EventBusName: 'crm' }));
      // Assess
      expect(RuleArn).toBe('arn:aws:events:eu-central-1:000000000000:rule/crm/webhooks');
      expect(listed.Rules?.map((r) => r.Name)).toEqual(['webhooks']);
      expect(targets.Targets).toEqual([{ Id: 'fn', Arn: arn }]);
      expect(received.map((e) => (e.detail as { id: string }).id)).toEqual(['l6']);
      expect((await client.send(new ListRulesCommand({ EventBusName: 'crm' }))).Rules).toEqual([]);
    });

    it('rejects an invalid pattern with InvalidEventPatternException', async () => {
      await expect(
        client.send(new PutRuleCommand({ Name: 'bad', EventBusName: 'crm', EventPattern: '{"source":"crm"}' })),
      ).rejects.toBeInstanceOf(InvalidEventPatternException);
    });

    it('answers ResourceNotFoundException for targets of an unknown rule', async () => {
      await expect(
        client.send(new PutTargetsCommand({ Rule: 'ghost', EventBusName: 'crm', Targets: [{ Id: 'a', Arn: 'arn:x' }] })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  describe('Method: TestEventPattern', () => {
    it('answers with the matcher', async () => {
      const event = JSON.stringify({
        id: '1',
        account: '000000000000',
        source: 'crm',
        time: '2026-11-27T09:00:00Z',
        region: 'eu-central-1',
        resources: [],
        'detail-type': 'lead.won',
        detail: {},
      });
      const yes = await client.send(new TestEventPatternCommand({ EventPattern: '{"detail-type":[{"suffix":".won"}]}', Event: event }));
      const no = await client.send(new TestEventPatternCommand({ EventPattern: '{"detail-type":["lead.lost"]}', Event: event }));
      expect([yes.Result, no.Result]).toEqual([true, false]);
    });
  });
});
