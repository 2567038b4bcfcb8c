// The Pipe enrichment: stream records of event-log items become CRM event envelopes.
import { marshall } from '@aws-sdk/util-dynamodb';
import { CrmEvent } from '@crm/contract';
import { describe, expect, it } from 'vitest';
import { envelopeFromItem, handler, type PipeStreamRecord } from '../../consumers/pipe-enrich.ts';

const eventItem = {
  pk: '$crm#accountid_acc1',
  sk: '$event_1#eventid_01JEVENT',
  gsi1pk: 'x',
  gsi1sk: 'y',
  gsi2pk: 'z',
  gsi2sk: 'w',
  __edb_e__: 'event',
  __edb_v__: '1',
  accountId: 'acc1',
  eventId: '01JEVENT',
  type: 'lead.stage_changed',
  occurredAt: '2026-11-27T09:00:00.000Z',
  actor: { type: 'user', id: 'u1' },
  actorId: 'u1',
  entityType: 'lead',
  entityId: 'l1',
  data: { name: 'Big deal', price: 1500, tags: ['hot'] },
  changes: [{ field: 'stageId', from: 's1', to: 's2' }],
};

const record = (eventName: string, image: Record<string, unknown>): PipeStreamRecord => ({
  eventID: `${eventName}-1`,
  eventName,
  eventSourceARN: 'arn:aws:dynamodb:eu-central-1:000000000000:table/crm/stream/x',
  dynamodb: {
    Keys: marshall({ pk: image.pk, sk: image.sk }),
    NewImage: marshall(image),
    SequenceNumber: '1',
    ApproximateCreationDateTime: 1_800_000_000,
  },
});

describe('Function: envelopeFromItem', () => {
  it('maps the event-log item to the envelope, leaving keys and ElectroDB attributes behind', () => {
    // Act
    const envelope = envelopeFromItem(eventItem);
    // Assess
    expect(envelope).toEqual({
      id: '01JEVENT',
      type: 'lead.stage_changed',
      accountId: 'acc1',
      occurredAt: '2026-11-27T09:00:00.000Z',
      actor: { type: 'user', id: 'u1' },
      entity: { type: 'lead', id: 'l1' },
      data: { name: 'Big deal', price: 1500, tags: ['hot'] },
      changes: [{ field: 'stageId', from: 's1', to: 's2' }],
    });
    expect(CrmEvent.safeParse(envelope).success).toBe(true);
  });

  it('has no changes key when the item has none, and an empty data object when data is absent', () => {
    const { changes: _changes, data: _data, ...created } = { ...eventItem, type: 'lead.created' };
    const envelope = envelopeFromItem(created);
    expect('changes' in envelope).toBe(false);
    expect(envelope.data).toEqual({});
  });

  it('turns DynamoDB sets into arrays', () => {
    const envelope = envelopeFromItem({ ...eventItem, data: { tags: new Set(['a', 'b']) } });
    expect(envelope.data).toEqual({ tags: ['a', 'b'] });
  });
});

describe('Function: handler', () => {
  it('answers one envelope per INSERT of an event-log item, in order', async () => {
    // Prepare
    const lead = { pk: 'p', sk: 's', __edb_e__: 'lead', __edb_v__: '1', accountId: 'acc1', leadId: 'l1', name: 'Deal' };
    const second = { ...eventItem, eventId: '01JEVENT2', type: 'lead.won' };
    const records = [
      record('INSERT', eventItem),
      record('INSERT', lead),
      record('MODIFY', eventItem),
      { ...record('REMOVE', eventItem), dynamodb: { Keys: marshall({ pk: 'p', sk: 's' }) } },
      record('INSERT', second),
    ];
    // Act
    const envelopes = await handler(records);
    // Assess
    expect(envelopes.map((e) => [e.id, e.type])).toEqual([
      ['01JEVENT', 'lead.stage_changed'],
      ['01JEVENT2', 'lead.won'],
    ]);
    expect(JSON.stringify(envelopes)).not.toMatch(/__edb|"pk"|"sk"|gsi1|actorId/);
  });

  it('reads the item exactly as core writes it to the event log', async () => {
    // Prepare: the item core's event entity puts in the TransactWrite
    process.env.TABLE_NAME ??= 'crm-test';
    const { db } = await import('@crm/core');
    const { Item } = db.event
      .create({
        accountId: 'acc1',
        eventId: '01JCORE',
        type: 'contact.created',
        occurredAt: '2026-11-27T09:00:00.000Z',
        actor: { type: 'user', id: 'u1' },
        actorId: 'u1',
        entityType: 'contact',
        entityId: 'c1',
        data: { name: 'Ann' },
      })
      .params() as { Item: Record<string, unknown> };
    // Act
    const [envelope] = await handler([record('INSERT', Item)]);
    // Assess
    expect(envelope).toEqual({
      id: '01JCORE',
      type: 'contact.created',
      accountId: 'acc1',
      occurredAt: '2026-11-27T09:00:00.000Z',
      actor: { type: 'user', id: 'u1' },
      entity: { type: 'contact', id: 'c1' },
      data: { name: 'Ann' },
    });
  });
});
