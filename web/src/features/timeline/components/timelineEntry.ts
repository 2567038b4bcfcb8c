// The timeline mixes events, notes, tasks and messages; this reads each into one display shape.
import type { TimelineItem } from '@/api/types';

export interface TimelineEntry {
  id: string;
  kind: TimelineItem['kind'];
  at: string;
  /** Event type (lead.stage_changed), note type (call_in) or "task". */
  type: string;
  text?: string;
  actorId?: string;
  changes: { field: string; from: unknown; to: unknown }[];
  /** A task's due time and result. */
  dueAt?: string;
  result?: string | null;
  /** A letter's or chat message's ends and a letter's subject. */
  from?: string;
  to?: string;
  subject?: string | null;
}

export function readTimelineItem(item: TimelineItem): TimelineEntry {
  switch (item.kind) {
    case 'event':
      return {
        id: item.event.id,
        kind: 'event',
        at: item.at,
        type: item.event.type,
        actorId: item.event.actor.type === 'user' ? item.event.actor.id : undefined,
        changes: item.event.changes ?? [],
      };
    case 'note':
      return {
        id: item.note.id,
        kind: 'note',
        at: item.at,
        type: item.note.type,
        text: item.note.text,
        actorId: item.note.createdBy,
        changes: [],
      };
    case 'task':
      return {
        id: item.task.id,
        kind: 'task',
        at: item.at,
        type: 'task',
        text: item.task.text,
        actorId: item.task.createdBy,
        changes: [],
        dueAt: item.task.dueAt,
        result: item.task.result,
      };
    case 'message':
      return {
        id: item.message.id,
        kind: 'message',
        at: item.at,
        type: `${item.message.channel}.${item.message.direction}`,
        text: item.message.text,
        actorId: item.message.direction === 'out' ? item.message.createdBy : undefined,
        changes: [],
        from: item.message.from,
        to: item.message.to,
        subject: item.message.subject,
      };
  }
}

/** Events one save writes together are at most this far apart (each is stamped when it is made). */
const SAME_SAVE_MS = 2_000;
const CLOSING = new Set(['lead.won', 'lead.lost']);

const sameSave = (a: TimelineEntry, b: TimelineEntry) =>
  a.kind === 'event' && b.kind === 'event' && a.actorId === b.actorId && Math.abs(Date.parse(a.at) - Date.parse(b.at)) <= SAME_SAVE_MS;

const sameChange = (a: TimelineEntry['changes'][number], b: TimelineEntry['changes'][number]) =>
  a.field === b.field && JSON.stringify(a.to) === JSON.stringify(b.to);

/**
 * One entry per change. A stage move writes `lead.stage_changed` beside `lead.updated` (which
 * lists the same fields again) and, to a closing stage, `lead.won`/`lead.lost`: the move is shown
 * once, as "Stage changed" (or "Lead won"/"Lead lost"), and the update keeps only its other fields.
 */
export function oneEntryPerChange(entries: TimelineEntry[]): TimelineEntry[] {
  const result: (TimelineEntry | null)[] = [...entries];
  entries.forEach((move, i) => {
    if (move.type !== 'lead.stage_changed') return;
    const updateAt = result.findIndex((e) => e?.type === 'lead.updated' && sameSave(e, move));
    const update = result[updateAt];
    if (update && move.changes.every((c) => update.changes.some((u) => sameChange(u, c)))) {
      const rest = update.changes.filter((u) => !move.changes.some((c) => sameChange(u, c)));
      result[updateAt] = rest.length ? { ...update, changes: rest } : null;
    }
    const closingAt = result.findIndex((e) => e && CLOSING.has(e.type) && sameSave(e, move));
    if (closingAt >= 0) {
      result[i] = { ...move, type: result[closingAt]!.type };
      result[closingAt] = null;
    }
  });
  return result.filter((e): e is TimelineEntry => e !== null);
}
