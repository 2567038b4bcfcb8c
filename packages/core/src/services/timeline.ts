// A record's timeline: its events, notes, tasks and messages, newest first, in ONE Query per page.
// Notes and tasks keep an item on the event log's per-record index (entities/note.ts
// `onTimeline`) with keys in the events' own order, so the partition holds all three
// kinds interleaved by time.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { RecordRef, TimelineItem, TimelineQuery } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db, dynamo } from '../db.ts';
import { invalid } from '../errors.ts';
import { acceptCursor } from '../page.ts';
import { toEvent } from './events.ts';
import { toMessage } from './messages.ts';
import { toNote } from './notes.ts';
import { requireViewableRecord } from '../reads/records.ts';
import { toTask } from './tasks.ts';

type Raw = Record<string, unknown>;

/** An item of the timeline partition as an entry; items of other kinds are skipped. */
function entryOf(raw: Raw): TimelineItem | null {
  switch (raw.__edb_e__) {
    case 'event': {
      const event = toEvent(db.event.parse({ Item: raw }).data!);
      return { kind: 'event', at: event.occurredAt, event };
    }
    case 'note': {
      const note = toNote(db.note.parse({ Item: raw }).data!);
      return { kind: 'note', at: note.createdAt, note };
    }
    case 'task': {
      const task = toTask(db.task.parse({ Item: raw }).data!);
      return { kind: 'task', at: task.createdAt, task };
    }
    case 'message': {
      const message = toMessage(db.message.parse({ Item: raw }).data!);
      return { kind: 'message', at: message.createdAt, message };
    }
    default:
      return null;
  }
}

export async function listTimeline(caller: Caller, record: RecordRef, query: z.output<typeof TimelineQuery>) {
  await requireViewableRecord(caller, record);
  const params = db.event.query
    .byEntity({ accountId: caller.accountId, entityType: record.type, entityId: record.id })
    .params({ limit: query.limit, order: 'desc' }) as ConstructorParameters<typeof QueryCommand>[0];
  const start = startKey(query.cursor, caller.accountId, params);
  const page = await dynamo.send(new QueryCommand({ ...params, ExclusiveStartKey: start }));
  return {
    items: (page.Items ?? []).map(entryOf).filter((e): e is TimelineItem => e !== null),
    nextCursor: page.LastEvaluatedKey ? Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64url') : null,
  };
}

/** The cursor's key, which must be of this very partition (the account check alone allows others). */
function startKey(cursor: string | undefined, accountId: string, params: ConstructorParameters<typeof QueryCommand>[0]) {
  if (!acceptCursor(cursor, accountId)) return undefined;
  const key = JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8')) as Raw;
  const pk = params.ExpressionAttributeValues?.[':pk'];
  const fields = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
  if (key.gsi1pk !== pk || Object.keys(key).length !== fields.length || !fields.every((f) => typeof key[f] === 'string')) {
    throw invalid('The cursor is not valid for this list', [{ path: 'cursor', message: 'invalid cursor' }]);
  }
  return key;
}
