// Custom fields of leads, contacts or companies: every type the API has, options for the list
// types, the required flag. The type and the entity stay once created (stored values were checked against them).
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { putSaved } from '@/api/cache';
import { api } from '@/api/client';
import type { CustomField, CustomFieldType, RecordCollection } from '@/api/types';
import { useCustomFields } from '@/reference/useCustomFields';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { NameInput } from './NameInput';

const ENTITIES: RecordCollection[] = ['leads', 'contacts', 'companies'];
/** Every type the contract has: a type added there fails to compile here until it is listed. */
const FIELD_TYPES = Object.keys({
  text: 1,
  number: 1,
  select: 1,
  multiselect: 1,
  date: 1,
  url: 1,
  checkbox: 1,
} satisfies Record<CustomFieldType, 1>) as CustomFieldType[];
const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

function useFieldEditor(entityType: RecordCollection) {
  const qc = useQueryClient();
  const message = useErrorMessage();
  const refresh = {
    onSettled: () => qc.invalidateQueries({ queryKey: ['custom-fields', entityType] }),
    onError: (e: unknown) => notifyError(message(e)),
  };
  return {
    create: useMutation({
      mutationFn: (i: { name: string; type: CustomFieldType; options: string[]; required: boolean }) =>
        api.customFields.create({
          entityType,
          name: i.name,
          type: i.type,
          required: i.required,
          ...(hasOptions(i.type) ? { options: i.options } : {}),
        }),
      ...refresh,
    }),
    patch: useMutation({
      mutationFn: (i: { field: CustomField; name?: string; options?: string[]; required?: boolean }) =>
        api.customFields.patch(
          { id: i.field.id },
          { name: i.name, options: i.options, required: i.required },
          { ifMatch: i.field.version },
        ),
      // The answer carries the new version: put it in the list at once, so a change made before
      // the refetch lands (the flag right after an option) is not sent with the old one.
      onSuccess: (f: CustomField) => putSaved(qc, ['custom-fields', entityType], f),
      ...refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.customFields.delete({ id }), ...refresh }),
  };
}

export function CustomFieldsEditor() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState<RecordCollection>('leads');
  const fields = useCustomFields(entityType);
  const edit = useFieldEditor(entityType);
  return (
    <Stack gap="md" maw={760}>
      <SegmentedControl
        aria-label={t('adminEditors.customFields.entity')}
        value={entityType}
        onChange={(v) => setEntityType(v as RecordCollection)}
        data={ENTITIES.map((e) => ({ value: e, label: t(`adminEditors.customFields.entities.${e}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {fields.isPending ? (
        <LoadingState />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <EmptyState>{t('adminEditors.customFields.empty')}</EmptyState>
      ) : (
        <Stack gap={6}>
          {fields.data.map((field) => (
            <Paper key={field.id} withBorder p="xs" data-field-id={field.id}>
              <Group gap="xs" wrap="nowrap" align="center">
                <NameInput
                  value={field.name}
                  label={t('adminEditors.rename', { name: field.name })}
                  onSave={(name) => edit.patch.mutate({ field, name })}
                />
                <Badge variant="light">{t(`adminEditors.customFields.types.${field.type}`)}</Badge>
                <Switch
                  size="xs"
                  label={t('adminEditors.customFields.required')}
                  aria-label={t('adminEditors.customFields.requiredOf', { name: field.name })}
                  checked={field.required}
                  onChange={(e) => edit.patch.mutate({ field, required: e.currentTarget.checked })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('adminEditors.deleteNamed', { name: field.name })}
                  onClick={() => edit.remove.mutate(field.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              {hasOptions(field.type) && (
                <TagsInput
                  mt={6}
                  size="xs"
                  aria-label={t('adminEditors.customFields.optionsOf', { name: field.name })}
                  value={field.options}
                  onChange={(options) => options.length > 0 && edit.patch.mutate({ field, options })}
                />
              )}
            </Paper>
          ))}
        </Stack>
      )}
      <NewField
        key={entityType}
        onCreate={(i, done) =>
          edit.create.mutate(i, { onSuccess: (f) => (done(), notifySuccess(t('adminEditors.customFields.created', { name: f.name }))) })
        }
        loading={edit.create.isPending}
      />
    </Stack>
  );
}

function NewField({
  onCreate,
  loading,
}: {
  onCreate: (i: { name: string; type: CustomFieldType; options: string[]; required: boolean }, done: () => void) => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldType>('text');
  const [options, setOptions] = useState<string[]>([]);
  const [required, setRequired] = useState(false);
  const ready = name.trim() && (!hasOptions(type) || options.length > 0);
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-label={t('adminEditors.customFields.newField')}
      onSubmit={(e) => {
        e.preventDefault();
        if (ready)
          onCreate({ name: name.trim(), type, options, required }, () => {
            setName('');
            setOptions([]);
            setRequired(false);
          });
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          size="xs"
          label={t('adminEditors.customFields.name')}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Select
          size="xs"
          label={t('adminEditors.customFields.type')}
          data={FIELD_TYPES.map((v) => ({ value: v, label: t(`adminEditors.customFields.types.${v}`) }))}
          value={type}
          onChange={(v) => v && setType(v as CustomFieldType)}
          allowDeselect={false}
          w={180}
        />
        <Checkbox
          size="xs"
          label={t('adminEditors.customFields.required')}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
          mb={6}
        />
        <Button size="xs" type="submit" leftSection={<IconPlus size={14} aria-hidden />} loading={loading} disabled={!ready}>
          {t('adminEditors.customFields.add')}
        </Button>
      </Group>
      {hasOptions(type) && (
        <TagsInput
          mt="sm"
          size="xs"
          label={t('adminEditors.customFields.options')}
          placeholder={t('adminEditors.customFields.optionsHint')}
          value={options}
          onChange={setOptions}
        />
      )}
    </Paper>
  );
}
