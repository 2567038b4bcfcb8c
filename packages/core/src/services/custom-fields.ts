// Custom fields: the admins' definitions of extra fields on leads, contacts and companies
// (the values are checked on every record write: derived/custom-field-values.ts).
import type { z } from 'zod';
import type { CustomFieldCreate, CustomFieldListQuery, CustomFieldPatch } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { toCustomField, type FieldItem } from '../model/custom-field.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { fieldById, fieldsOf } from '../reads/custom-fields.ts';
import { requireAdmin } from '../rights.ts';
import { definedOnly, fold } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { definitionsChanged } from '../write/definitions.ts';

/** Fields per collection: their definitions are read on every checked write. */
export const MAX_CUSTOM_FIELDS = 100;

const customFields = aggregate({
  type: 'custom_field',
  label: 'Custom field',
  dataKey: 'field',
  read: (caller, fieldId) => fieldById(caller.accountId, fieldId),
  store: entityStore<FieldItem>(db.customField, (f) => ({ accountId: f.accountId, entityType: f.entityType, fieldId: f.fieldId })),
  toContract: toCustomField,
  tracked: ['name', 'options', 'required'],
  // Record writes judge by kept copies of the fields: a change tells them (write/definitions.ts).
  alongside: (caller) => definitionsChanged(caller.accountId),
});

export const getCustomField = (caller: Caller, fieldId: string) => customFields.get(caller, fieldId);

export async function listCustomFields(caller: Caller, query: CustomFieldListQuery) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const access = db.customField.query.byCollection({ accountId: caller.accountId, entityType: query.entityType });
  return pageOf((o) => access.go(o), { limit: query.limit, cursor }, toCustomField);
}

function requireUniqueName(fields: FieldItem[], name: string, except?: string) {
  if (fields.some((f) => f.fieldId !== except && fold(f.name) === fold(name))) {
    throw conflict('A custom field with this name already exists here', { name });
  }
}

export async function createCustomField(caller: Caller, input: z.output<typeof CustomFieldCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return customFields.create(caller, options, async () => {
    const fields = await fieldsOf(caller.accountId, input.entityType);
    if (fields.length >= MAX_CUSTOM_FIELDS) throw conflict(`A collection has at most ${MAX_CUSTOM_FIELDS} custom fields`);
    requireUniqueName(fields, input.name);
    const at = now();
    const item: FieldItem = {
      accountId: caller.accountId,
      entityType: input.entityType,
      fieldId: newId(),
      name: input.name,
      type: input.type,
      options: input.options ?? [],
      required: input.required ?? false,
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    return { item };
  });
}

export async function patchCustomField(caller: Caller, fieldId: string, patch: z.output<typeof CustomFieldPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return customFields.change(caller, fieldId, options, async (current) => {
    if (patch.options !== undefined && current.type !== 'select' && current.type !== 'multiselect') {
      throw invalid('The field has no options', [{ path: 'options', message: `a ${current.type} field has no options` }]);
    }
    if (patch.options?.length === 0) throw invalid('The field needs options', [{ path: 'options', message: 'at least one option' }]);
    if (patch.name !== undefined) requireUniqueName(await fieldsOf(caller.accountId, current.entityType), patch.name, fieldId);
    return { next: { ...current, ...definedOnly(patch) } };
  });
}

/** Stored values of a deleted field stay on their records until the record's next checked write drops them. */
export async function deleteCustomField(caller: Caller, fieldId: string, options?: WriteOptions) {
  requireAdmin(caller);
  await customFields.destroy(caller, fieldId, options);
}
