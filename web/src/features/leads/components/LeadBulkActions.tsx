// What to do with the selected leads at once: move them to a stage, or delete them.
import { useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import type { Lead } from '@/api/types';
import { DeleteButton } from '@/ui/DeleteButton';
import { notifyError, notifySuccess } from '@/ui/notify';
import { useStageIndex } from '@/reference/usePipelines';
import { StageSelect } from '@/reference/StageSelect';
import { rememberLead } from '@/features/leads/hooks/useLeads';

export function LeadBulkActions({ selected, onDone }: { selected: Lead[]; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const stages = useStageIndex();
  const [stageId, setStageId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const runForEach = async (action: (lead: Lead) => Promise<unknown>) => {
    setBusy(true);
    const results = await Promise.allSettled(selected.map(action));
    setBusy(false);
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed) notifyError(t('leads.bulkFailed', { count: failed }));
    else notifySuccess(t('leads.bulkDone', { count: selected.length }));
    void qc.invalidateQueries({ queryKey: ['leads'] });
    onDone();
  };

  const move = () => {
    const stage = stageId ? stages.get(stageId) : undefined;
    if (!stage) return;
    void runForEach(async (lead) =>
      // Each answer's new version in the list at once: the same leads moved again right after are not a 412.
      rememberLead(
        qc,
        await api.leads.patch(
          { id: lead.id },
          { stageId: stage.id, ...(stage.pipelineId !== lead.pipelineId ? { pipelineId: stage.pipelineId } : {}) },
          { ifMatch: lead.version },
        ),
      ),
    );
  };

  if (selected.length === 0) return null;
  return (
    <Paper withBorder p="xs" mb="sm" bg="blue.0">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('leads.selected', { count: selected.length })}
        </Text>
        <StageSelect size="xs" label={t('leads.moveTo')} value={stageId} onChange={setStageId} w={200} />
        <Button size="xs" onClick={move} disabled={!stageId} loading={busy}>
          {t('leads.move')}
        </Button>
        <DeleteButton
          name={t('leads.selected', { count: selected.length })}
          loading={busy}
          onDelete={() => void runForEach((lead) => api.leads.delete({ id: lead.id }))}
        />
      </Group>
    </Paper>
  );
}
