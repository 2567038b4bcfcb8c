// Custom-field definitions. Sorted by collection, so the fields a lead write is checked
// against are one consistent Query on the account's partition.
import { defineEntity } from './define.ts';
import { CUSTOM_FIELD_TYPES } from '@crm/contract/custom-field-types';
import { SERVICE, baseAttributes } from './base.ts';

export const CustomFieldEntity = defineEntity({
  model: { entity: 'customField', version: '1', service: SERVICE },
  attributes: {
    ...baseAttributes,
    entityType: { type: ['leads', 'contacts', 'companies'] as const, required: true, readOnly: true },
    fieldId: { type: 'string', required: true, readOnly: true },
    name: { type: 'string', required: true },
    type: { type: CUSTOM_FIELD_TYPES, required: true, readOnly: true },
    options: { type: 'list', items: { type: 'string' }, required: true },
    required: { type: 'boolean', required: true },
  },
  indexes: {
    byCollection: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['entityType', 'fieldId'] } },
  },
});
