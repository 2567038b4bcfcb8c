// The summary report: leads created, won and lost per day, week or month.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { AnalyticsTabs } from '@/features/analytics/components/AnalyticsTabs';
import { CsvDownload } from '@/features/analytics/components/CsvDownload';
import { ReportTable } from '@/features/analytics/components/ReportTable';
import { ReportFilters } from '@/features/analytics/components/ReportFilters';
import { useSummary } from '@/features/analytics/hooks/useReports';

export default function SummaryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useSummary();
  const s = summary.data;
  const header = [
    t('analytics.periodColumn'),
    t('analytics.created'),
    t('analytics.createdAmount'),
    t('analytics.won'),
    t('analytics.wonAmount'),
    t('analytics.lost'),
  ];
  const rows = (s?.series ?? []).map((r) => [r.period, r.created, r.createdAmount, r.won, r.wonAmount, r.lost]);
  return (
    <>
      <PageHeader title={t('analytics.title')}>
        <CsvDownload fileName="summary.csv" header={header} rows={rows} />
      </PageHeader>
      <AnalyticsTabs />
      <ReportFilters groupBy />
      {summary.isPending && <LoadingState />}
      {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && (
        <>
          <Paper withBorder p="md" mb="md">
            <LineChart
              h={260}
              data={s.series}
              dataKey="period"
              series={[
                { name: 'created', label: t('analytics.created'), color: 'blue.6' },
                { name: 'won', label: t('analytics.won'), color: 'teal.6' },
                { name: 'lost', label: t('analytics.lost'), color: 'red.6' },
              ]}
              withLegend
              curveType="linear"
            />
          </Paper>
          <ReportTable
            header={header}
            rows={s.series.map((r) => ({
              key: r.period,
              cells: [
                r.period,
                format.number(r.created),
                format.money(r.createdAmount),
                format.number(r.won),
                format.money(r.wonAmount),
                format.number(r.lost),
              ],
            }))}
          />
        </>
      )}
    </>
  );
}
