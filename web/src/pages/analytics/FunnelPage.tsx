// Sales analysis: the funnel of a pipeline, with leads now in each stage, those created in the
// period that reached it, conversion to the next stage and days spent in it.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { AnalyticsTabs } from '@/features/analytics/components/AnalyticsTabs';
import { CsvDownload } from '@/features/analytics/components/CsvDownload';
import { ReportTable } from '@/features/analytics/components/ReportTable';
import { ReportFilters } from '@/features/analytics/components/ReportFilters';
import { useFunnel } from '@/features/analytics/hooks/useReports';

export default function FunnelPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const funnel = useFunnel();
  const f = funnel.data;
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const header = [
    t('analytics.stage'),
    t('analytics.count'),
    t('analytics.amount'),
    t('analytics.reached'),
    t('analytics.conversion'),
    t('analytics.avgDays'),
  ];
  const rows = (f?.stages ?? []).map((s) => [s.name, s.count, s.amount, s.reached, percent(s.conversion), s.avgDaysInStage]);
  return (
    <>
      <PageHeader title={t('analytics.title')}>
        <CsvDownload fileName="funnel.csv" header={header} rows={rows} />
      </PageHeader>
      <AnalyticsTabs />
      <ReportFilters />
      {funnel.isPending && <LoadingState />}
      {funnel.isError && <ErrorState error={funnel.error} onRetry={() => void funnel.refetch()} />}
      {f && (
        <>
          <Paper withBorder p="md" mb="md">
            <Text size="sm" c="dimmed" mb="xs">
              {t('analytics.period', { from: format.date(`${f.from}T12:00:00Z`), to: format.date(`${f.to}T12:00:00Z`) })}
            </Text>
            <BarChart
              h={260}
              data={f.stages.map((s) => ({ stage: s.name, count: s.count, reached: s.reached }))}
              dataKey="stage"
              series={[
                { name: 'count', label: t('analytics.count'), color: 'blue.6' },
                { name: 'reached', label: t('analytics.reached'), color: 'teal.6' },
              ]}
              withLegend
            />
          </Paper>
          <ReportTable
            header={header}
            rows={f.stages.map((s) => ({
              key: s.stageId,
              cells: [
                s.name,
                format.number(s.count),
                format.money(s.amount),
                format.number(s.reached),
                percent(s.conversion),
                format.number(s.avgDaysInStage),
              ],
            }))}
          />
          <Group mt="md" gap="xl">
            <Text size="sm">{t('analytics.wonNow', { n: format.number(f.won.count), amount: format.money(f.won.amount) })}</Text>
            <Text size="sm">{t('analytics.lostNow', { n: format.number(f.lost.count), amount: format.money(f.lost.amount) })}</Text>
          </Group>
        </>
      )}
    </>
  );
}
