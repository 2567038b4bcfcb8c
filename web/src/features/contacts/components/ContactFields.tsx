// The inputs of a contact, shared by the create dialog and the contact card.
import { Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ContactPointsInput } from '@/features/clients/components/ContactPointsInput';
import { CompanySelect } from '@/features/clients/components/CompanySelect';
import { CustomFieldInputs } from '@/reference/CustomFieldInputs';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import type { ContactValues } from './contactValues';

export function ContactFields({ form, full }: { form: UseFormReturnType<ContactValues>; full?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <ContactPointsInput kind="phones" value={form.values.phones} onChange={(v) => form.setFieldValue('phones', v)} errors={form.errors} />
      <ContactPointsInput kind="emails" value={form.values.emails} onChange={(v) => form.setFieldValue('emails', v)} errors={form.errors} />
      <TextInput label={t('fields.position')} {...form.getInputProps('position')} />
      <CompanySelect {...form.getInputProps('companyId')} />
      <ResponsibleSelect placeholder={t('fields.me')} {...form.getInputProps('responsibleUserId')} />
      {full && (
        <>
          <TagsField entityType="contacts" {...form.getInputProps('tags')} />
          <CustomFieldInputs
            entityType="contacts"
            values={form.values.customFields}
            errors={form.errors}
            onChange={(id, value) => form.setFieldValue('customFields', { ...form.values.customFields, [id]: value })}
          />
        </>
      )}
    </Stack>
  );
}
