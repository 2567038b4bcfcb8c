// The check every lead, contact and company write runs on its `customFields` values, against
// the account's field definitions.
import type { CustomFieldType } from '@crm/contract';
import { CUSTOM_FIELD_VALUES } from '@crm/contract/custom-fields';
import { invalid, type FieldError } from '../errors.ts';
import type { FieldItem } from '../model/custom-field.ts';
import { COLLECTION_OF, type RecordKind, type Stored } from '../model/records.ts';
import type { Caller } from '../context.ts';
import { judged, keptFields } from '../write/definitions.ts';

type Values = Record<string, unknown>;

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
 * The normalised values replace `after.customFields` in place, before the write. The fields are
 * the warm Lambda's copy, checked by version in the write's transaction (write/definitions.ts).
 */
export async function checkCustomFields(caller: Caller, kind: RecordKind, after: Stored, before: Stored | null) {
  const given = (after.customFields ?? {}) as Values;
  const old = (before?.customFields ?? {}) as Values;
  if (before && sameValues(given, old)) return;
  after.customFields = await judged(caller, async () => valuesAsDefined(await keptFields(caller, COLLECTION_OF[kind]), given, old, before));
}

function valuesAsDefined(defined: FieldItem[], given: Values, old: Values, before: Stored | null): Values {
  const fields = new Map(defined.map((f) => [f.fieldId, f]));
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
  return values;
}
