// A new contact; a phone or e-mail already on file gets a duplicate warning first.
import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError, type ApiError } from '@/lib/problem';
import type { Contact, ContactInput } from '@/api/types';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { useCreateContact } from '@/features/contacts/hooks/useContacts';
import { ContactFields } from './ContactFields';
import { contactBody, emptyContact, type ContactValues } from './contactValues';
import { DuplicateWarning } from '@/features/clients/components/DuplicateWarning';

interface Props {
  opened: boolean;
  onClose: () => void;
  companyId?: string;
  /** Instead of opening the new contact's card. */
  onCreated?: (contact: Contact) => void;
}

export default function CreateContactModal({ opened, onClose, companyId, onCreated }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContact();
  const [duplicate, setDuplicate] = useState<ApiError | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<ContactValues>({
    initialValues: emptyContact(companyId ?? null),
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  const save = async (values: ContactValues, allowDuplicate = false) => {
    setDuplicate(null);
    try {
      const contact = await create.mutateAsync({ body: contactBody(values, false) as ContactInput, allowDuplicate });
      notifySuccess(t('contacts.created', { name: contact.name }));
      onClose();
      if (onCreated) onCreated(contact);
      else navigate(`/contacts/${contact.id}`);
    } catch (e) {
      if (isApiError(e, 409)) setDuplicate(e);
      else setExtra(applyFieldErrors(form, e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('contacts.newContact')}>
      <form onSubmit={form.onSubmit((v) => save(v))} noValidate>
        <Stack gap="sm">
          {duplicate
            ? <DuplicateWarning error={duplicate} onOpen={onClose} onCreateAnyway={() => void save(form.getValues(), true)} />
            : <FormError error={create.error} extra={extra} />}
          <ContactFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
