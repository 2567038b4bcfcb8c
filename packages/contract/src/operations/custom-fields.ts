import { page } from '../common.ts';
import { CustomField, CustomFieldCreate, CustomFieldListQuery, CustomFieldPatch } from '../custom-fields.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'customFields.list': { summary: 'List custom fields', query: CustomFieldListQuery, response: page(CustomField) },
  'customFields.create': { summary: 'Add a custom field (admin)', body: CustomFieldCreate, response: CustomField, status: 201 },
  'customFields.get': { summary: 'Get a custom field', response: CustomField },
  'customFields.patch': {
    summary: 'Rename a custom field, change its options or whether it is required (admin)',
    body: CustomFieldPatch,
    response: CustomField,
  },
  'customFields.delete': { summary: 'Delete a custom field (admin)', status: 204 },
} as const satisfies GroupOperations<'customFields'>;
