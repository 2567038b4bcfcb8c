// The lead's own fields, edited in place and saved as one PATCH of what changed.
import { Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomFieldValues, Lead, LeadPatch } from '@/api/types';
import { SaveError } from '@/ui/SaveError';
import { useEditForm } from '@/ui/useEditForm';
import { CustomFieldInputs } from '@/reference/CustomFieldInputs';
import { EditConflicts } from '@/reference/EditConflicts';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import { leadKeys, useUpdateLead } from '@/features/leads/hooks/useLeads';
import { useStageIndex } from '@/reference/usePipelines';
import { StageSelect } from '@/reference/StageSelect';
import { PresenceHint } from '@/reference/PresenceHint';
import { FormActions } from '@/ui/FormActions';
import { BudgetInput, budgetError } from './BudgetInput';

const editable = (lead: Lead) => ({
  name: lead.name,
  price: lead.price as number | string,
  stageId: lead.stageId,
  responsibleUserId: lead.responsibleUserId,
  tags: lead.tags,
  lossReason: lead.lossReason ?? '',
  customFields: lead.customFields as CustomFieldValues,
});
type LeadValues = ReturnType<typeof editable>;

export function LeadDetailsForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateLead();
  const stages = useStageIndex();
  const toPatch = (changes: Partial<LeadValues>, values: LeadValues): LeadPatch => {
    const patch = { ...changes, price: changes.price === undefined ? undefined : Number(changes.price || 0) } as LeadPatch;
    if ('lossReason' in changes) patch.lossReason = values.lossReason.trim() || null;
    const stage = stages.get(values.stageId);
    if (changes.stageId && stage && stage.pipelineId !== lead.pipelineId) patch.pipelineId = stage.pipelineId;
    return patch;
  };
  const { form, onSubmit, extra, conflicts } = useEditForm({
    item: lead,
    toValues: editable,
    toPatch,
    save: ({ item, patch }: { item: Lead; patch: LeadPatch }) => update.mutateAsync({ lead: item, patch }),
    reload: () => void qc.invalidateQueries({ queryKey: leadKeys.detail(lead.id) }),
    validate: {
      name: (v: string) => (v.trim() ? null : t('common.required')),
      price: (v: number | string) => budgetError(v, t('leads.priceInvalid')),
    },
  });
  const stage = stages.get(form.values.stageId);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('leads.details')}>
      <Stack gap="sm">
        <PresenceHint record={`lead#${lead.id}`} editing={form.isDirty()} />
        <SaveError error={update.error} extra={extra}>
          <EditConflicts collection="leads" conflicts={conflicts} />
        </SaveError>
        <TextInput label={t('leads.name')} required {...form.getInputProps('name')} />
        <BudgetInput {...form.getInputProps('price')} />
        <StageSelect {...form.getInputProps('stageId')} />
        {stage?.type === 'lost' && (
          <Textarea label={t('leads.lossReason')} autosize maxLength={500} {...form.getInputProps('lossReason')} />
        )}
        <ResponsibleSelect {...form.getInputProps('responsibleUserId')} />
        <TagsField entityType="leads" {...form.getInputProps('tags')} />
        <CustomFieldInputs
          entityType="leads"
          values={form.values.customFields}
          errors={form.errors}
          onChange={(id, value) => form.setFieldValue('customFields', { ...form.values.customFields, [id]: value })}
        />
        <FormActions submitLabel={t('common.save')} saving={update.isPending} onCancel={() => form.reset()} idle={!form.isDirty()} />
      </Stack>
    </form>
  );
}
