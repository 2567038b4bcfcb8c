// The quick-add form at the top of a column (QuickAddLead.tsx): a name and a budget are enough for a new lead.
// Its own chunk, with the form library, loaded when a column's "+ Add" is first pressed.
import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { useCreateLead } from '@/features/leads/hooks/useLeads';

export default function QuickAddLeadForm({ pipelineId, stageId, onClose }: { pipelineId: string; stageId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateLead();
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm({
    initialValues: { name: '', price: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      price: (v) => (v.trim() === '' || Number(v.replace(/\s/g, '').replace(',', '.')) >= 0 ? null : t('leads.priceInvalid')),
    },
  });
  const submit = form.onSubmit(async ({ name, price }) => {
    try {
      await create.mutateAsync({
        name: name.trim(),
        price: price.trim() === '' ? undefined : Number(price.replace(/\s/g, '').replace(',', '.')),
        pipelineId,
        stageId,
      });
      form.reset();
      onClose();
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });
  return (
    <form onSubmit={submit} style={{ padding: 8 }}>
      <Stack gap={6}>
        <FormError error={create.error} extra={extra} />
        <TextInput
          size="xs"
          aria-label={t('leads.name')}
          placeholder={t('leads.name')}
          data-autofocus
          autoFocus
          {...form.getInputProps('name')}
        />
        {/* A plain input keeps the number-format library out of the kanban's first load. */}
        <TextInput
          size="xs"
          inputMode="decimal"
          aria-label={t('leads.price')}
          placeholder={t('leads.price')}
          {...form.getInputProps('price')}
        />
        <Group gap={6} justify="flex-end">
          <Button size="xs" variant="default" onClick={() => onClose()}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" type="submit" loading={create.isPending}>
            {t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
