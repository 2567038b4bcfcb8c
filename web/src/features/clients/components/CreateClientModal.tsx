// A new contact or company; where the kind warns of duplicates, a phone or e-mail already on
// file is shown first, with "create anyway".
import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Client, ClientInput, ClientKind } from '@/api/clients';
import { isApiError, type ApiError } from '@/lib/problem';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { clientBody, emptyClient, type ClientValues } from '@/features/clients/clientValues';
import { CLIENT_KINDS } from '@/features/clients/kinds';
import { ClientFields } from './ClientFields';
import { DuplicateWarning } from './DuplicateWarning';
import { FormActions } from '@/ui/FormActions';

interface Props {
  kind: ClientKind;
  opened: boolean;
  onClose: () => void;
  /** A new contact at this company. */
  companyId?: string;
  /** Instead of opening the new client's card. */
  onCreated?: (client: Client) => void;
}

export default function CreateClientModal({ kind, opened, onClose, companyId, onCreated }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const spec = CLIENT_KINDS[kind];
  const create = spec.records.useCreate();
  const [duplicate, setDuplicate] = useState<ApiError | null>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm<ClientValues>({
    initialValues: emptyClient(spec, companyId ?? null),
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });

  const save = async (values: ClientValues, allowDuplicate = false) => {
    setDuplicate(null);
    try {
      const client = await create.mutateAsync({ body: clientBody(spec, values, false) as ClientInput, allowDuplicate });
      notifySuccess(t(`${spec.resource}.created`, { name: client.name }));
      onClose();
      if (onCreated) onCreated(client);
      else navigate(`/${spec.resource}/${client.id}`);
    } catch (e) {
      if (spec.warnsOfDuplicates && isApiError(e, 409)) setDuplicate(e);
      else setExtra(applyFieldErrors(form, e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(`${spec.resource}.new`)}>
      <form onSubmit={form.onSubmit((v) => save(v))} noValidate>
        <Stack gap="sm">
          {duplicate ? (
            <DuplicateWarning error={duplicate} onOpen={onClose} onCreateAnyway={() => void save(form.getValues(), true)} />
          ) : (
            <FormError error={create.error} extra={extra} />
          )}
          <ClientFields spec={spec} form={form} />
          <FormActions submitLabel={t('common.create')} saving={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
