// The live funnel of the main pipeline: how many deals and how much money sit in each stage
// now, from the same counters as the kanban's column headers (the period funnel with
// conversions belongs to analytics).
import { Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '@/api/types';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { usePipelines } from '@/reference/usePipelines';
import { usePipelineTotals } from '@/features/leads/hooks/usePipelineTotals';

export function FunnelCard() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.[0];
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        {t('dashboard.funnel')}
        {pipeline ? ` · ${pipeline.name}` : ''}
      </Title>
      {pipelines.isPending && <LoadingState />}
      {pipelines.isError && <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />}
      {pipeline && <FunnelStages pipeline={pipeline} />}
    </Stack>
  );
}

function FunnelStages({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation();
  const format = useFormat();
  const totals = usePipelineTotals(pipeline.id);
  if (totals.isPending) return <LoadingState />;
  if (totals.isError) return <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />;
  const byStage = new Map(totals.data.stages.map((s) => [s.stageId, s]));
  const of = (stageId: string) => byStage.get(stageId) ?? { count: 0, amount: 0 };
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const closed = (type: 'won' | 'lost') =>
    pipeline.stages
      .filter((s) => s.type === type)
      .map((s) => of(s.id))
      .reduce((sum, s) => ({ count: sum.count + s.count, amount: sum.amount + s.amount }), { count: 0, amount: 0 });
  const [won, lost] = [closed('won'), closed('lost')];
  const max = Math.max(1, ...open.map((s) => of(s.id).count));
  return (
    <>
      {open.map((s) => (
        <div key={s.id}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{s.name}</Text>
            <Text size="sm" c="dimmed">
              {t('leads.leadCount', { count: of(s.id).count })} · {format.money(of(s.id).amount)}
            </Text>
          </Group>
          <Progress value={(of(s.id).count / max) * 100} color={s.color} size="sm" aria-label={s.name} />
        </div>
      ))}
      <Group gap="lg">
        <Text size="sm" c="teal.9">
          {t('leads.status.won')}: {won.count} · {format.money(won.amount)}
        </Text>
        <Text size="sm" c="red.9">
          {t('leads.status.lost')}: {lost.count} · {format.money(lost.amount)}
        </Text>
      </Group>
    </>
  );
}
