// The inputs of a contact or company, shared by the create dialog and the card.
import { Stack, TextInput, type TextInputProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CustomFieldInputs } from '@/reference/CustomFieldInputs';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import type { ClientValues } from '@/features/clients/clientValues';
import type { ClientKindSpec, ClientTextField } from '@/features/clients/kinds';
import { CompanySelect } from './CompanySelect';
import { ContactPointsInput } from './ContactPointsInput';

const TEXT_INPUT: Record<ClientTextField, TextInputProps> = {
  position: {},
  website: { type: 'url', placeholder: 'https://' },
  address: {},
};

export function ClientFields({ spec, form, full }: { spec: ClientKindSpec; form: UseFormReturnType<ClientValues>; full?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput label={t('fields.name')} required data-autofocus {...form.getInputProps('name')} />
      <ContactPointsInput kind="phones" value={form.values.phones} onChange={(v) => form.setFieldValue('phones', v)} errors={form.errors} />
      <ContactPointsInput kind="emails" value={form.values.emails} onChange={(v) => form.setFieldValue('emails', v)} errors={form.errors} />
      {spec.textFields.map((field) => (
        <TextInput key={field} label={t(`fields.${field}`)} {...TEXT_INPUT[field]} {...form.getInputProps(field)} />
      ))}
      {spec.worksAtCompany && <CompanySelect {...form.getInputProps('companyId')} />}
      <ResponsibleSelect placeholder={t('fields.me')} {...form.getInputProps('responsibleUserId')} />
      {full && (
        <>
          <TagsField entityType={spec.resource} {...form.getInputProps('tags')} />
          <CustomFieldInputs
            entityType={spec.resource}
            values={form.values.customFields}
            errors={form.errors}
            onChange={(id, value) => form.setFieldValue('customFields', { ...form.values.customFields, [id]: value })}
          />
        </>
      )}
    </Stack>
  );
}
