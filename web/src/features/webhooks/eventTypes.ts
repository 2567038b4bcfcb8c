// The event types a webhook can subscribe to, in the catalogue's order. The web app carries no
// contract runtime, so the list is written here; the check below fails to compile when the
// contract's catalogue gains or loses a type.
import type { EventType } from '@/api/types';

export const SUBSCRIBABLE_EVENTS = [
  'lead.created',
  'lead.updated',
  'lead.stage_changed',
  'lead.won',
  'lead.lost',
  'lead.deleted',
  'lead.restored',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact.restored',
  'company.created',
  'company.updated',
  'company.deleted',
  'company.restored',
  'task.created',
  'task.updated',
  'task.completed',
  'task.deleted',
  'task.due',
  'task_type.created',
  'task_type.updated',
  'task_type.deleted',
  'custom_field.created',
  'custom_field.updated',
  'custom_field.deleted',
  'note.added',
  'incoming.received',
  'incoming.accepted',
  'incoming.declined',
  'pipeline.created',
  'pipeline.updated',
  'pipeline.deleted',
  'user.created',
  'user.updated',
  'user.deactivated',
  'account.created',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
] as const satisfies readonly EventType[];

type Missing = Exclude<EventType, (typeof SUBSCRIBABLE_EVENTS)[number]>;
const everyType: [Missing] extends [never] ? true : { missing: Missing } = true;
void everyType;
