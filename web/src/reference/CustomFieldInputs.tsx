// The account's custom fields of an entity as inputs, by field type; values keyed by field id.
import { Checkbox, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import type { CustomField, CustomFieldValues } from '@/api/types';
import { useCustomFields, type CustomFieldEntity } from './useCustomFields';

type Value = CustomFieldValues[string];

interface Props {
  entityType: CustomFieldEntity;
  values: CustomFieldValues;
  errors: Record<string, unknown>;
  onChange: (fieldId: string, value: Value) => void;
}

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: CustomField;
  value: Value | undefined;
  error?: string;
  onChange: (v: Value) => void;
}) {
  const common = { label: field.name, required: field.required, error };
  switch (field.type) {
    case 'number':
      return (
        <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(v === '' ? null : Number(v))} />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={field.options ?? []}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          clearable
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={field.options ?? []}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          clearable
        />
      );
    case 'checkbox':
      return <Checkbox label={field.name} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} error={error} />;
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value.slice(0, 10) : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'url':
      return (
        <TextInput
          {...common}
          type="url"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
  }
}

export function CustomFieldInputs({ entityType, values, errors, onChange }: Props) {
  const fields = useCustomFields(entityType);
  if (!fields.data?.length) return null;
  return (
    <Stack gap="sm">
      {fields.data.map((field) => (
        <FieldInput
          key={field.id}
          field={field}
          value={values[field.id]}
          error={(errors[`customFields.${field.id}`] as string | undefined) ?? undefined}
          onChange={(v) => onChange(field.id, v)}
        />
      ))}
    </Stack>
  );
}
