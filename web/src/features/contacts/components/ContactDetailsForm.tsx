import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@/api/types';
import { SaveError } from '@/ui/SaveError';
import { useEditForm } from '@/ui/useEditForm';
import { contactsApi, useUpdateContact } from '@/features/contacts/hooks/useContacts';
import { ContactFields } from './ContactFields';
import { contactBody, contactToValues } from './contactValues';

export function ContactDetailsForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateContact();
  const { form, onSubmit, extra } = useEditForm({
    item: contact,
    toValues: contactToValues,
    toPatch: (changes) => contactBody(changes, true),
    save: update.mutateAsync,
    validate: { name: (v: string) => (v.trim() ? null : t('common.required')) },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('contacts.details')}>
      <Stack gap="sm">
        <SaveError error={update.error} extra={extra} onReload={() => { update.reset(); void qc.invalidateQueries({ queryKey: contactsApi.keys.detail(contact.id) }); }} />
        <ContactFields form={form} full />
        <Group justify="flex-end">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>{t('common.cancel')}</Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
