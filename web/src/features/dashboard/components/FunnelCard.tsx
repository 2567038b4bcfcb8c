// The live funnel of the main pipeline: how many deals and how much money sit in each stage.
import { Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../ui/states';
import { useFormat } from '../../auth/hooks/useFormat';
import { usePipelines } from '../../leads/hooks/usePipelines';
import { useFunnel } from '../hooks/useDashboard';

export function FunnelCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.[0];
  const funnel = useFunnel(pipeline?.id);
  const colors = new Map(pipeline?.stages.map((s) => [s.id, s.color]));
  const max = Math.max(1, ...(funnel.data?.stages.map((s) => s.count) ?? []));
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">{t('dashboard.funnel')}{pipeline ? ` · ${pipeline.name}` : ''}</Title>
      {funnel.isPending && <LoadingState />}
      {funnel.isError && <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />}
      {funnel.data?.stages.map((s) => (
        <div key={s.stageId}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{s.name}</Text>
            <Text size="sm" c="dimmed">{t('leads.leadCount', { count: s.count })} · {format.money(s.amount)}</Text>
          </Group>
          <Progress value={(s.count / max) * 100} color={colors.get(s.stageId) ?? 'blue'} size="sm" aria-label={s.name} />
        </div>
      ))}
      {funnel.data && (
        <Group gap="lg">
          <Text size="sm" c="teal.8">{t('leads.status.won')}: {funnel.data.won.count} · {format.money(funnel.data.won.amount)}</Text>
          <Text size="sm" c="red.8">{t('leads.status.lost')}: {funnel.data.lost.count} · {format.money(funnel.data.lost.amount)}</Text>
        </Group>
      )}
    </Stack>
  );
}
