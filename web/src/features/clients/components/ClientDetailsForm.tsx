// The card's form of a contact or company: saves the changed fields with If-Match.
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Client } from '@/api/clients';
import { SaveError } from '@/ui/SaveError';
import { useEditForm } from '@/ui/useEditForm';
import { clientBody, clientToValues } from '@/features/clients/clientValues';
import type { ClientKindSpec } from '@/features/clients/kinds';
import { ClientFields } from './ClientFields';

export function ClientDetailsForm({ spec, client }: { spec: ClientKindSpec; client: Client }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = spec.records.useUpdate();
  const { form, onSubmit, extra } = useEditForm({
    item: client,
    toValues: (c: Client) => clientToValues(spec, c),
    toPatch: (changes) => clientBody(spec, changes, true),
    save: update.mutateAsync,
    validate: { name: (v: string) => (v.trim() ? null : t('common.required')) },
  });
  const reload = () => {
    update.reset();
    void qc.invalidateQueries({ queryKey: spec.records.keys.detail(client.id) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(`${spec.resource}.details`)}>
      <Stack gap="sm">
        <SaveError error={update.error} extra={extra} onReload={reload} />
        <ClientFields spec={spec} form={form} full />
        <Group justify="flex-end">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>{t('common.cancel')}</Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
