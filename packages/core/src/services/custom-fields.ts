// Custom fields: the admins' definitions, and the check every lead/contact/company write
// runs on its `customFields` values (registered in hooks.ts).
import type { z } from 'zod';
import {
  CUSTOM_FIELD_VALUES, type CustomField, type CustomFieldCreate, type CustomFieldType, type CustomFieldListQuery, type CustomFieldPatch,
  type RecordCollection,
} from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid, notFound, type FieldError } from '../errors.ts';
import type { Check, RecordKind, Stored } from '../hooks.ts';
import { idempotent } from '../idempotency.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { definedOnly, fold } from '../text.ts';
import { checkIfMatch, commit, diff, put, RaceLost, remove, retrying } from '../write.ts';

type FieldItem = NonNullable<Awaited<ReturnType<ReturnType<typeof db.customField.get>['go']>>['data']>;
type Values = Record<string, unknown>;

/** Fields per collection: their definitions are read on every checked write. */
export const MAX_CUSTOM_FIELDS = 100;

export const COLLECTION_OF: Record<RecordKind, RecordCollection> = { lead: 'leads', contact: 'contacts', company: 'companies' };

export const toCustomField = (f: FieldItem): CustomField => ({
  id: f.fieldId, entityType: f.entityType, name: f.name, type: f.type, options: f.options, required: f.required,
  createdAt: f.createdAt, updatedAt: f.updatedAt, createdBy: f.createdBy, version: f.version,
});

/** Every field of a collection: one consistent Query, so a field created a moment ago applies. */
export async function fieldsOf(accountId: string, entityType: RecordCollection) {
  const { data } = await db.customField.query.byCollection({ accountId, entityType }).go({ pages: 'all', consistent: true });
  return data;
}

/** A field by id alone: the account has at most 3 x MAX_CUSTOM_FIELDS of them. */
async function getFieldItem(caller: Caller, fieldId: string) {
  const { data } = await db.customField.query
    .byCollection({ accountId: caller.accountId })
    .where((a, op) => op.eq(a.fieldId, fieldId))
    .go({ pages: 'all', consistent: true });
  if (!data[0]) throw notFound('Custom field');
  return data[0];
}

export const getCustomField = async (caller: Caller, fieldId: string) => toCustomField(await getFieldItem(caller, fieldId));

export async function listCustomFields(caller: Caller, query: CustomFieldListQuery) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const access = db.customField.query.byCollection({ accountId: caller.accountId, entityType: query.entityType });
  return pageOf(access.go({ limit: query.limit, cursor }), toCustomField);
}

function requireUniqueName(fields: FieldItem[], name: string, except?: string) {
  if (fields.some((f) => f.fieldId !== except && fold(f.name) === fold(name))) {
    throw conflict('A custom field with this name already exists here', { name });
  }
}

export async function createCustomField(caller: Caller, input: z.output<typeof CustomFieldCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return idempotent(caller, options, async () => {
    const fields = await fieldsOf(caller.accountId, input.entityType);
    if (fields.length >= MAX_CUSTOM_FIELDS) throw conflict(`A collection has at most ${MAX_CUSTOM_FIELDS} custom fields`);
    requireUniqueName(fields, input.name);
    const at = now();
    const item: FieldItem = {
      accountId: caller.accountId, entityType: input.entityType, fieldId: newId(), name: input.name, type: input.type,
      options: input.options ?? [], required: input.required ?? false,
      createdAt: at, updatedAt: at, createdBy: caller.userId, version: 1,
    };
    const field = toCustomField(item);
    await commit({
      caller, options, result: field,
      writes: [put(db.customField.create(item).params())],
      events: [{ type: 'custom_field.created', entity: { type: 'custom_field', id: field.id }, data: { field } }],
    });
    return field;
  });
}

export async function patchCustomField(caller: Caller, fieldId: string, patch: z.output<typeof CustomFieldPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return retrying(async () => {
    const current = await getFieldItem(caller, fieldId);
    checkIfMatch(options, current.version);
    if (patch.options !== undefined && current.type !== 'select' && current.type !== 'multiselect') {
      throw invalid('The field has no options', [{ path: 'options', message: `a ${current.type} field has no options` }]);
    }
    if (patch.options?.length === 0) throw invalid('The field needs options', [{ path: 'options', message: 'at least one option' }]);
    if (patch.name !== undefined) requireUniqueName(await fieldsOf(caller.accountId, current.entityType), patch.name, fieldId);
    const next: FieldItem = { ...current, ...definedOnly(patch), updatedAt: now(), version: current.version + 1 };
    const field = toCustomField(next);
    const changes = diff(toCustomField(current), field, ['name', 'options', 'required']);
    if (changes.length === 0) return toCustomField(current);
    await commit({
      caller, options,
      writes: [put(db.customField.put(next).where((a, op) => op.eq(a.version, current.version)).params(), () => new RaceLost() as never)],
      events: [{ type: 'custom_field.updated', entity: { type: 'custom_field', id: fieldId }, data: { field }, changes }],
    });
    return field;
  });
}

/** Stored values of a deleted field stay on their records until the record's next checked write drops them. */
export async function deleteCustomField(caller: Caller, fieldId: string, options?: WriteOptions) {
  requireAdmin(caller);
  await retrying(async () => {
    const current = await getFieldItem(caller, fieldId);
    checkIfMatch(options, current.version);
    const key = { accountId: caller.accountId, entityType: current.entityType, fieldId };
    await commit({
      caller, options,
      writes: [remove(db.customField.delete(key).where((a, op) => op.eq(a.version, current.version)).params(), () => new RaceLost() as never)],
      events: [{ type: 'custom_field.deleted', entity: { type: 'custom_field', id: fieldId }, data: { field: toCustomField(current) } }],
    });
  });
}

// ---- Values on records ----

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function sameValues(a: Values, b: Values) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => same(a[k], b[k]));
}

/** A value as stored, `undefined` for "no value", or the message of why it is not valid. */
function parseValue(field: FieldItem, raw: unknown): { value?: unknown; error?: string } {
  const rule = CUSTOM_FIELD_VALUES[field.type as CustomFieldType];
  const parsed = rule.schema.safeParse(raw);
  if (!parsed.success) return { error: `must be ${rule.describe}` };
  const value = parsed.data as unknown;
  if (value === '') return {};
  if (field.type === 'select' && !field.options.includes(value as string)) return { error: notAnOption(field) };
  if (field.type === 'multiselect') {
    const chosen = [...new Set(value as string[])];
    if (chosen.some((v) => !field.options.includes(v))) return { error: notAnOption(field) };
    return chosen.length ? { value: chosen } : {};
  }
  return { value };
}

const notAnOption = (field: FieldItem) => {
  const list = field.options.slice(0, 10).join(', ');
  return `must be one of: ${list}${field.options.length > 10 ? ', ...' : ''}`;
};

/**
 * The `checkRecord` contributor. A PATCH's `customFields` merges into the stored values
 * (a key set to null clears that value), so two users editing different fields do not
 * undo each other. Only what the write changes is checked: a value carried over as it was
 * stays even if its field's options changed since, and a carried value of a deleted field
 * is dropped. Required fields must have a value on create, and cannot be cleared later.
 * The normalised values replace `after.customFields` in place, before the write.
 */
export const checkCustomFields: Check = async (caller, kind, after, before) => {
  const given = (after.customFields ?? {}) as Values;
  const old = (before?.customFields ?? {}) as Values;
  if (before && sameValues(given, old)) return;
  const fields = new Map((await fieldsOf(caller.accountId, COLLECTION_OF[kind])).map((f) => [f.fieldId, f]));
  const merged: Values = before ? { ...old, ...given } : given;
  const values: Values = {};
  const errors: FieldError[] = [];
  for (const [fieldId, raw] of Object.entries(merged)) {
    const field = fields.get(fieldId);
    if (before && fieldId in old && same(raw, old[fieldId])) {
      if (field) values[fieldId] = raw;
      continue;
    }
    if (raw === null) continue;
    const { value, error } = field ? parseValue(field, raw) : { error: 'no such custom field' };
    if (error) errors.push({ path: `customFields.${fieldId}`, message: error });
    else if (value !== undefined) values[fieldId] = value;
  }
  for (const field of fields.values()) {
    const hadValue = !before || old[field.fieldId] !== undefined;
    if (field.required && values[field.fieldId] === undefined && hadValue) {
      errors.push({ path: `customFields.${field.fieldId}`, message: `${field.name} is required` });
    }
  }
  if (errors.length) throw invalid('Some custom-field values are not valid', errors.slice(0, 50));
  (after as Stored).customFields = values;
};
