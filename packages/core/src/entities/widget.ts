// Widget settings per account, and the lookup of a widget's public inbound key. The settings
// item keeps the secret settings sealed (AES-256-GCM, sealing.ts); the lookup item is what a
// public call (`/api/v1/inbound/<widget>/<key>`) reads to find its account, one GetItem.
import { Entity } from 'electrodb';
import { SERVICE, baseAttributes } from './base.ts';

export const WidgetSettingEntity = new Entity({
  model: { entity: 'widgetSetting', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    widget: { type: 'string', required: true, readOnly: true },
    enabled: { type: 'boolean', required: true },
    /** The non-secret settings, as the manifest's schema parsed them. */
    settings: { type: 'any', required: true },
    /** The secret settings as one sealed JSON object; absent when none is set. */
    sealedSecrets: { type: 'string' },
    /** Names of the secret settings that have a value (shown, never the values). */
    secretsSet: { type: 'list', items: { type: 'string' }, required: true },
    secretsUpdatedAt: { type: 'string' },
    inboundKey: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    // All of an account's widgets are one Query (GET /widgets).
    byWidget: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['widget'] } },
  },
});

export const WidgetKeyEntity = new Entity({
  model: { entity: 'widgetKey', version: '1', service: SERVICE },
  attributes: {
    widget: { type: 'string', required: true, readOnly: true },
    inboundKey: { type: 'string', required: true, readOnly: true },
    accountId: { type: 'string', required: true, readOnly: true },
  },
  indexes: {
    byKey: { pk: { field: 'pk', composite: ['widget', 'inboundKey'] }, sk: { field: 'sk', composite: [] } },
  },
});
