// "Quick add" at the top of a column: a name and a budget are enough for a new lead.
import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Button, Group, Stack, TextInput, UnstyledButton, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { useCreateLead } from '@/features/leads/hooks/useLeads';

export function QuickAddLead({ pipelineId, stageId }: { pipelineId: string; stageId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const create = useCreateLead();
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm({
    initialValues: { name: '', price: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      price: (v) => (v.trim() === '' || Number(v.replace(/\s/g, '').replace(',', '.')) >= 0 ? null : t('leads.priceInvalid')),
    },
  });
  if (!open) {
    return (
      <UnstyledButton onClick={() => setOpen(true)} px={10} py={6}>
        <Text size="sm" c="blue.8">
          + {t('leads.quickAdd')}
        </Text>
      </UnstyledButton>
    );
  }
  const submit = form.onSubmit(async ({ name, price }) => {
    try {
      await create.mutateAsync({
        name: name.trim(),
        price: price.trim() === '' ? undefined : Number(price.replace(/\s/g, '').replace(',', '.')),
        pipelineId,
        stageId,
      });
      form.reset();
      setOpen(false);
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
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
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
