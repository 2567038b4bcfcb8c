// A custom field's definition in its contract form.
import type { CustomField } from '@crm/contract';
import type { db } from '../db.ts';
import { stampsOf } from './stamps.ts';

export type FieldItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.customField.get>['go']>>['data']>;

export const toCustomField = (f: FieldItem): CustomField => ({
  id: f.fieldId,
  entityType: f.entityType,
  name: f.name,
  type: f.type,
  options: f.options,
  required: f.required,
  ...stampsOf(f),
});
