// The event catalogue: one envelope for the event log, the `crm` bus and webhook bodies.
import * as z from 'zod';
import { Id, ListQuery, orderedRange, Timestamp } from './common.ts';
import { EVENT_TYPES } from './event-types.ts';

export { EVENT_TYPES };
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const ENTITY_TYPES = [
  'lead',
  'contact',
  'company',
  'task',
  'task_type',
  'custom_field',
  'note',
  'pipeline',
  'user',
  'account',
  'incoming',
  'role',
  'group',
  'webhook',
  'import',
  'widget',
  'message',
  // Web forms (issue 13).
  'form',
  'api_key',
  'automation',
] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const Actor = z.object({ type: z.enum(['user', 'integration', 'automation', 'system']), id: z.string() });
export type Actor = z.infer<typeof Actor>;

export const Change = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type Change = z.infer<typeof Change>;

export const CrmEvent = z.object({
  id: Id,
  type: EventType,
  accountId: Id,
  occurredAt: Timestamp,
  actor: Actor,
  entity: z.object({ type: EntityType, id: Id }),
  data: z.record(z.string(), z.unknown()),
  changes: z.array(Change).optional(),
});
export type CrmEvent = z.infer<typeof CrmEvent>;

export const EventListQuery = ListQuery.extend({
  entityType: EntityType.optional(),
  entityId: Id.optional(),
  actorId: Id.optional(),
  type: EventType.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
}).refine(...orderedRange('from', 'to'));
