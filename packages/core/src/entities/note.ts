// Notes on leads, contacts and companies, and the key that puts notes and tasks into
// their record's timeline next to its events.
import { defineEntity } from './define.ts';
import { EVENT_ENTITY } from '../table-design.ts';
import { SERVICE, baseAttributes, gsi } from './base.ts';

/**
 * The event log's per-record index (gsi1, see entities/system.ts byEntity) with a sort key
 * in the events' own key space (`$event_1#eventid_<ulid>`): ids are ULIDs, so one Query
 * on that partition returns events, notes and tasks interleaved by time.
 */
export const onTimeline = <const Id extends string>(id: Id) => ({
  index: 'gsi1' as const,
  pk: { field: 'gsi1pk' as const, composite: ['accountId', 'entityType', 'entityId'] as const },
  sk: { field: 'gsi1sk' as const, composite: [id] as const, template: `$${EVENT_ENTITY}_1#eventid_\${${id}}`, casing: 'lower' as const },
});

/** The record a note or task belongs to (`-` for a task linked to nothing). */
export const recordAttributes = {
  entityType: { type: 'string', required: true },
  entityId: { type: 'string', required: true },
} as const;

export const NoteEntity = defineEntity({
  model: { entity: 'note', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    noteId: { type: 'string', required: true, readOnly: true },
    text: { type: 'string', required: true },
    type: { type: ['common', 'call_in', 'call_out', 'sms', 'email'] as const, required: true },
    ...recordAttributes,
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['noteId'] } },
    timeline: onTimeline('noteId'),
    byRecord: gsi(2, ['accountId', 'entityType', 'entityId'], ['noteId']),
  },
});
