import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LeadCreate } from '@/api/types';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import { useCreateLead } from '@/features/leads/hooks/useLeads';
import { useStageIndex } from '@/reference/usePipelines';
import { StageSelect } from '@/reference/StageSelect';
import { FormActions } from '@/ui/FormActions';
import { BudgetInput, budgetError } from './BudgetInput';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Links the new lead to a contact or company whose card it was created from. */
  defaults?: Pick<LeadCreate, 'contactIds' | 'mainContactId' | 'companyId'>;
}

export default function CreateLeadModal({ opened, onClose, defaults }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateLead();
  const stages = useStageIndex();
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm({
    initialValues: {
      name: '',
      price: '' as number | string,
      stageId: null as string | null,
      responsibleUserId: null as string | null,
      tags: [] as string[],
    },
    validate: { name: (v) => (v.trim() ? null : t('common.required')), price: (v) => budgetError(v, t('leads.priceInvalid')) },
  });

  const submit = form.onSubmit(async (v) => {
    const stage = v.stageId ? stages.get(v.stageId) : undefined;
    const body: LeadCreate = {
      ...defaults,
      name: v.name.trim(),
      price: v.price === '' ? undefined : Number(v.price),
      pipelineId: stage?.pipelineId,
      stageId: stage?.id,
      responsibleUserId: v.responsibleUserId ?? undefined,
      tags: v.tags.length ? v.tags : undefined,
    };
    try {
      const lead = await create.mutateAsync(body);
      notifySuccess(t('leads.created', { name: lead.name }));
      onClose();
      if (!defaults) navigate(`/leads/${lead.id}`);
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.newLead')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} extra={extra} />
          <TextInput label={t('leads.name')} required data-autofocus {...form.getInputProps('name')} />
          <BudgetInput {...form.getInputProps('price')} />
          <StageSelect placeholder={t('leads.defaultStage')} {...form.getInputProps('stageId')} />
          <ResponsibleSelect placeholder={t('fields.me')} clearable {...form.getInputProps('responsibleUserId')} />
          <TagsField entityType="leads" {...form.getInputProps('tags')} />
          <FormActions submitLabel={t('common.create')} saving={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
