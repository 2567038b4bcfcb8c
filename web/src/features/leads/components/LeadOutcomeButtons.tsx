// Closing a lead: won, or lost with a reason, by moving it to its pipeline's closing stage.
import { useState } from 'react';
import { Badge, Button, Group } from '@mantine/core';
import { IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Lead, Stage } from '@/api/types';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { useUpdateLead } from '@/features/leads/hooks/useLeads';
import { usePipelines } from '@/reference/usePipelines';
import { LossReasonModal } from './LossReasonModal';

export function LeadOutcomeButtons({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const update = useUpdateLead();
  const describe = useErrorMessage();
  const [askingReason, setAskingReason] = useState(false);
  const stages = pipelines.data?.find((p) => p.id === lead.pipelineId)?.stages ?? [];
  const closing = (type: Stage['type']) => stages.find((s) => s.type === type);

  const close = (stage: Stage | undefined, lossReason?: string) => {
    if (!stage) return;
    update.mutate(
      { lead, patch: { stageId: stage.id, ...(lossReason ? { lossReason } : {}) } },
      {
        onError: (e) => notifyError(describe(e)),
      },
    );
  };

  if (lead.status !== 'open') {
    return (
      <Badge size="lg" color={lead.status === 'won' ? 'teal' : 'red'} variant="light">
        {t(`leads.status.${lead.status}`)}
      </Badge>
    );
  }
  return (
    <Group gap="xs">
      <Button
        size="xs"
        color="teal.9"
        leftSection={<IconTrophy size={14} aria-hidden />}
        loading={update.isPending}
        onClick={() => close(closing('won'))}
      >
        {t('leads.markWon')}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        leftSection={<IconThumbDown size={14} aria-hidden />}
        onClick={() => setAskingReason(true)}
      >
        {t('leads.markLost')}
      </Button>
      {askingReason && (
        <LossReasonModal
          leadName={lead.name}
          onCancel={() => setAskingReason(false)}
          onConfirm={(reason) => {
            setAskingReason(false);
            close(closing('lost'), reason || undefined);
          }}
        />
      )}
    </Group>
  );
}
