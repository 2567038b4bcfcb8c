// The event types a webhook can subscribe to, in the catalogue's order, from the contract.
export { EVENT_TYPES as SUBSCRIBABLE_EVENTS } from '@crm/contract/client';
