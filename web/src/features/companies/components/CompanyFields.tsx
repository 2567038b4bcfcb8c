import { Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ContactPointsInput } from '@/features/clients/components/ContactPointsInput';
import { CustomFieldInputs } from '@/reference/CustomFieldInputs';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import type { CompanyValues } from './companyValues';

export function CompanyFields({ form, full }: { form: UseFormReturnType<CompanyValues>; full?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <ContactPointsInput kind="phones" value={form.values.phones} onChange={(v) => form.setFieldValue('phones', v)} errors={form.errors} />
      <ContactPointsInput kind="emails" value={form.values.emails} onChange={(v) => form.setFieldValue('emails', v)} errors={form.errors} />
      <TextInput label={t('fields.website')} type="url" placeholder="https://" {...form.getInputProps('website')} />
      <TextInput label={t('fields.address')} {...form.getInputProps('address')} />
      <ResponsibleSelect placeholder={t('fields.me')} {...form.getInputProps('responsibleUserId')} />
      {full && (
        <>
          <TagsField entityType="companies" {...form.getInputProps('tags')} />
          <CustomFieldInputs
            entityType="companies"
            values={form.values.customFields}
            errors={form.errors}
            onChange={(id, value) => form.setFieldValue('customFields', { ...form.values.customFields, [id]: value })}
          />
        </>
      )}
    </Stack>
  );
}
