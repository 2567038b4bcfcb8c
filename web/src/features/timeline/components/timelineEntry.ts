// The timeline mixes events, notes and tasks; this reads any of them into one display shape.
import type { TimelineItem } from '../../../api/types';

export interface TimelineEntry {
  id: string;
  kind: 'event' | 'note' | 'task';
  at: string;
  /** Event type (lead.stage_changed), note type (call_in) or task. */
  type: string;
  text?: string;
  actorId?: string;
  changes: { field: string; from: unknown; to: unknown }[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function readTimelineItem(raw: TimelineItem): TimelineEntry {
  // Either flat ({ kind, ...fields }) or wrapped ({ kind, event | note | task }).
  const inner = (raw.event ?? raw.note ?? raw.task ?? raw.data ?? raw) as Record<string, unknown>;
  const item = { ...inner, ...raw } as Record<string, unknown>;
  const type = str(inner.type) ?? str(raw.type) ?? '';
  const kind: TimelineEntry['kind'] =
    raw.kind ?? (raw.event ? 'event' : raw.note ? 'note' : raw.task ? 'task' : type.includes('.') ? 'event' : 'dueAt' in item ? 'task' : 'note');
  const actor = item.actor as { id?: string } | undefined;
  return {
    id: String(inner.id ?? raw.id),
    kind,
    at: str(raw.at) ?? str(inner.occurredAt) ?? str(inner.createdAt) ?? str(raw.occurredAt) ?? str(raw.createdAt) ?? '',
    type,
    text: str(inner.text),
    actorId: actor?.id ?? str(inner.createdBy),
    changes: Array.isArray(inner.changes) ? (inner.changes as TimelineEntry['changes']) : [],
  };
}
