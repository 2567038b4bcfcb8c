// The Pipe's enrichment step: DynamoDB stream records of the table in, one CRM event envelope
// out per INSERT of an event-log item; the Pipe puts them on the `crm` bus (source `crm`,
// detail-type = the event type). The local stream poller runs the same function.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CrmEvent } from '@crm/contract';
import { toEvent, type EventItem } from '@crm/core/event-envelope';
import { EVENT_ENTITY } from '@crm/core/table-design';

/** A DynamoDB stream record as EventBridge Pipes hands it over (DynamoDB-JSON images). */
export interface PipeStreamRecord {
  eventID?: string;
  eventName?: string;
  eventSourceARN?: string;
  dynamodb?: {
    Keys?: Record<string, AttributeValue>;
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
    ApproximateCreationDateTime?: number;
  };
}

/** The Pipe's source filter (an EventBridge pattern): inserts of event-log items only. */
export const EVENT_LOG_INSERTS = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { __edb_e__: { S: [EVENT_ENTITY] } } },
};

export const isEventLogInsert = (record: PipeStreamRecord) =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.__edb_e__?.S === EVENT_ENTITY;

/** The envelope of an unmarshalled event-log item; keys and ElectroDB's own attributes stay behind. */
export const envelopeFromItem = (item: Record<string, unknown>): CrmEvent => plainJson(toEvent(item as EventItem)) as CrmEvent;

export const handler = async (records: PipeStreamRecord[]): Promise<CrmEvent[]> =>
  records.filter(isEventLogInsert).map((record) => envelopeFromItem(unmarshall(record.dynamodb!.NewImage!)));

/** DynamoDB sets come back as JS Sets, which JSON would turn into `{}`: make them arrays. */
function plainJson(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(plainJson);
  if (Array.isArray(value)) return value.map(plainJson);
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]));
  }
  return value;
}
