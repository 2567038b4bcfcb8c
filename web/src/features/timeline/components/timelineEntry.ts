// The timeline mixes events, notes and tasks; this reads each into one display shape.
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
}

export function readTimelineItem(item: TimelineItem): TimelineEntry {
  switch (item.kind) {
    case 'event':
      return {
        id: item.event.id, kind: 'event', at: item.at, type: item.event.type,
        actorId: item.event.actor.type === 'user' ? item.event.actor.id : undefined, changes: item.event.changes ?? [],
      };
    case 'note':
      return { id: item.note.id, kind: 'note', at: item.at, type: item.note.type, text: item.note.text, actorId: item.note.createdBy, changes: [] };
    case 'task':
      return {
        id: item.task.id, kind: 'task', at: item.at, type: 'task', text: item.task.text, actorId: item.task.createdBy,
        changes: [], dueAt: item.task.dueAt, result: item.task.result,
      };
  }
}
