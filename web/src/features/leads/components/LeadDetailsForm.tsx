// The lead's own fields, edited in place and saved as one PATCH of what changed.
import { useEffect, useState } from 'react';
import { NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomFieldValues, Lead, LeadPatch } from '@/api/types';
import { changedFields } from '@/lib/diff';
import { applyFieldErrors } from '@/ui/errors';
import { notifySuccess } from '@/ui/notify';
import { SaveError } from '@/ui/SaveError';
import { CustomFieldInputs } from '@/reference/CustomFieldInputs';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { TagsField } from '@/reference/TagsField';
import { leadKeys, useUpdateLead } from '@/features/leads/hooks/useLeads';
import { useStageIndex } from '@/reference/usePipelines';
import { StageSelect } from '@/reference/StageSelect';
import { FormActions } from '@/ui/FormActions';

const editable = (lead: Lead) => ({
  name: lead.name,
  price: lead.price as number | string,
  stageId: lead.stageId,
  responsibleUserId: lead.responsibleUserId,
  tags: lead.tags,
  lossReason: lead.lossReason ?? '',
  customFields: lead.customFields as CustomFieldValues,
});

export function LeadDetailsForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateLead();
  const stages = useStageIndex();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm({
    initialValues: editable(lead),
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });
  useEffect(() => {
    form.setInitialValues(editable(lead));
    form.setValues(editable(lead));
  }, [lead.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const stage = stages.get(form.values.stageId);
  const submit = form.onSubmit(async (values) => {
    const changes = changedFields(editable(lead), values);
    const patch: LeadPatch = { ...changes, price: changes.price === undefined ? undefined : Number(changes.price || 0) } as LeadPatch;
    if ('lossReason' in changes) patch.lossReason = values.lossReason.trim() || null;
    if (changes.stageId && stage && stage.pipelineId !== lead.pipelineId) patch.pipelineId = stage.pipelineId;
    if (Object.values(patch).every((v) => v === undefined)) return;
    try {
      await update.mutateAsync({ lead, patch });
      notifySuccess(t('common.saved'));
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('leads.details')}>
      <Stack gap="sm">
        <SaveError error={update.error} extra={extra} onReload={() => { update.reset(); void qc.invalidateQueries({ queryKey: leadKeys.detail(lead.id) }); }} />
        <TextInput label={t('leads.name')} required {...form.getInputProps('name')} />
        <NumberInput label={t('leads.price')} min={0} thousandSeparator=" " {...form.getInputProps('price')} />
        <StageSelect {...form.getInputProps('stageId')} />
        {stage?.type === 'lost' && <Textarea label={t('leads.lossReason')} autosize maxLength={500} {...form.getInputProps('lossReason')} />}
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
