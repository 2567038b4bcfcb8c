// The card's form of a contact or company: saves the changed fields with If-Match.
import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Client } from '@/api/clients';
import { SaveError } from '@/ui/SaveError';
import { EditConflicts } from '@/reference/EditConflicts';
import { useEditForm } from '@/ui/useEditForm';
import { clientBody, clientToValues } from '@/features/clients/clientValues';
import type { ClientKindSpec } from '@/features/clients/kinds';
import { ClientFields } from './ClientFields';
import { FormActions } from '@/ui/FormActions';

export function ClientDetailsForm({ spec, client }: { spec: ClientKindSpec; client: Client }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = spec.records.useUpdate();
  const { form, onSubmit, extra, conflicts } = useEditForm({
    item: client,
    toValues: (c: Client) => clientToValues(spec, c),
    toPatch: (changes) => clientBody(spec, changes, true),
    save: update.mutateAsync,
    reload: () => void qc.invalidateQueries({ queryKey: spec.records.keys.detail(client.id) }),
    validate: { name: (v: string) => (v.trim() ? null : t('common.required')) },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(`${spec.resource}.details`)}>
      <Stack gap="sm">
        <SaveError error={update.error} extra={extra}>
          <EditConflicts collection={spec.resource} conflicts={conflicts} />
        </SaveError>
        <ClientFields spec={spec} form={form} full />
        <FormActions submitLabel={t('common.save')} saving={update.isPending} onCancel={() => form.reset()} idle={!form.isDirty()} />
      </Stack>
    </form>
  );
}
