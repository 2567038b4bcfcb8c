// An event-log item as the contract's envelope: one mapping for the event log's reads and for
// the Pipe's enrichment (which imports this file alone, so it holds no table or client).
import type { EntityItem } from 'electrodb';
import type { CrmEvent } from '@crm/contract';
import type { EventEntity } from './entities/system.ts';

export type EventItem = EntityItem<typeof EventEntity>;

export const toEvent = (e: EventItem): CrmEvent => ({
  id: e.eventId,
  type: e.type as CrmEvent['type'],
  accountId: e.accountId,
  occurredAt: e.occurredAt,
  actor: e.actor as CrmEvent['actor'],
  entity: { type: e.entityType as CrmEvent['entity']['type'], id: e.entityId },
  data: (e.data ?? {}) as Record<string, unknown>,
  ...(e.changes ? { changes: e.changes as CrmEvent['changes'] } : {}),
});
