// Live connections (API Gateway WebSocket, or the local gateway): one item per open socket,
// keyed by its connection id because $disconnect and a GoneException know nothing else; the
// account's index (gsi1) is what a fan-out reads, one Query per event. A socket that vanished
// without a $disconnect is purged by TTL (API Gateway closes any socket after 2 h).
import { defineEntity } from './define.ts';
import { SERVICE, gsi } from './base.ts';

export const LiveConnectionEntity = defineEntity({
  model: { entity: 'liveConnection', version: '1', service: SERVICE },
  attributes: {
    connectionId: { type: 'string', required: true, readOnly: true },
    accountId: { type: 'string', required: true, readOnly: true },
    userId: { type: 'string', required: true, readOnly: true },
    userName: { type: 'string', required: true, readOnly: true },
    connectedAt: { type: 'string', required: true, readOnly: true },
    /** The record this socket's user has open (`lead#<id>`), and whether they are editing it: presence. */
    viewing: { type: 'string' },
    editing: { type: 'boolean' },
    expiresAt: { type: 'number', required: true },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['connectionId'] }, sk: { field: 'sk', composite: [] } },
    byAccount: gsi(1, ['accountId'], ['connectionId']),
  },
});
