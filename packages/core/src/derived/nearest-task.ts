// Keeps `nearestTaskAt` of leads, contacts and companies (the due time of their earliest open
// task) right in the same transaction as the task change, so their lists can sort by it.
import type { RecordRef } from '@crm/contract';
import { db } from '../db.ts';
import { NO_TASK_KEY } from '../entities/base.ts';
import { RaceLost, update, type Write } from '../write/write.ts';
import { getRecordItem, recordEntity, recordKey } from '../reads/records.ts';

/** The part of a task this module reads. */
export interface TaskSlot {
  accountId: string;
  taskId: string;
  dueAt: string;
  state: 'open' | 'completed';
  entityType: string;
  entityId: string;
}

const recordOf = (t: TaskSlot | null): RecordRef | null =>
  t && t.state === 'open' && t.entityType !== '-' ? { type: t.entityType as RecordRef['type'], id: t.entityId } : null;

const sameRecord = (a: RecordRef | null, b: RecordRef | null) => !!a && !!b && a.type === b.type && a.id === b.id;

const earliest = (...dues: (string | undefined)[]) => dues.filter((d): d is string => d !== undefined).sort()[0];

/**
 * The record updates a task change needs: `before` and `after` are the task as stored before
 * and after (null when it did not or will not exist). Each update is conditioned on the value
 * read, and a lead's full write on the value it read, so neither overwrites the other.
 */
export async function nearestTaskWrites(before: TaskSlot | null, after: TaskSlot | null): Promise<Write[]> {
  const left = recordOf(before);
  const joined = recordOf(after);
  const refs = sameRecord(left, joined) ? [joined!] : [left, joined].filter((r): r is RecordRef => r !== null);
  const writes = await Promise.all(
    refs.map((ref) =>
      recordWrite((before ?? after)!.accountId, ref, sameRecord(left, ref) ? before : null, sameRecord(joined, ref) ? after : null),
    ),
  );
  return writes.filter((w): w is Write => w !== null);
}

async function recordWrite(accountId: string, ref: RecordRef, leaving: TaskSlot | null, arriving: TaskSlot | null) {
  const record = await getRecordItem(accountId, ref, true);
  // A record in the trash keeps its tasks; its nearest task is not tracked meanwhile.
  if (!record) return null;
  const current = record.nearestTaskAt;
  // Only when the leaving task may have been the earliest does the next one need looking up.
  const mayHaveBeenEarliest = leaving && (current === undefined || leaving.dueAt <= current);
  const others = mayHaveBeenEarliest ? await earliestOtherOpenTask(accountId, ref, leaving.taskId) : current;
  const next = earliest(others, arriving?.dueAt);
  if (next === current) return null;
  const entity = recordEntity(ref.type);
  const change =
    next === undefined
      ? entity.patch(recordKey(accountId, ref)).set({ nearestTaskKey: NO_TASK_KEY }).remove(['nearestTaskAt'])
      : entity.patch(recordKey(accountId, ref)).set({ nearestTaskAt: next });
  // A derived field, not an edit: the record's version (its ETag) stays, so a card open in
  // the browser can still save. A concurrent change of the same value re-reads instead.
  const unchanged = (a: Parameters<Parameters<typeof change.where>[0]>[0], op: Parameters<Parameters<typeof change.where>[0]>[1]) =>
    current === undefined ? op.notExists(a.nearestTaskAt) : op.eq(a.nearestTaskAt, current);
  return update(change.where(unchanged).params(), () => new RaceLost() as never);
}

/** One Query on the record's open tasks by due time; the task itself may still be listed. */
async function earliestOtherOpenTask(accountId: string, ref: RecordRef, taskId: string) {
  const { data } = await db.task.query
    .byRecord({ accountId, entityType: ref.type, entityId: ref.id, state: 'open' })
    .go({ limit: 2, attributes: ['taskId', 'dueAt'] });
  return data.find((t) => t.taskId !== taskId)?.dueAt;
}

/**
 * The due time of a record's earliest open task, read afresh: a record coming back from the
 * trash missed the task changes made while it was there.
 */
export const nearestOpenTaskAt = (accountId: string, ref: RecordRef) => earliestOtherOpenTask(accountId, ref, '');
