// Per-manager report: each user's open leads, deals won and lost in the period, tasks and contacts.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { AnalyticsTabs } from '@/features/analytics/components/AnalyticsTabs';
import { CsvDownload } from '@/features/analytics/components/CsvDownload';
import { ReportTable } from '@/features/analytics/components/ReportTable';
import { ReportFilters } from '@/features/analytics/components/ReportFilters';
import { useManagers } from '@/features/analytics/hooks/useReports';

export default function ManagersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const managers = useManagers();
  const items = managers.data?.items ?? [];
  const header = [
    t('analytics.user'),
    t('analytics.openLeads'),
    t('analytics.openAmount'),
    t('analytics.won'),
    t('analytics.wonAmount'),
    t('analytics.lost'),
    t('analytics.tasksOpen'),
    t('analytics.tasksOverdue'),
    t('analytics.tasksCompleted'),
    t('analytics.contacts'),
  ];
  const rows = items.map((m) => [
    userName(m.userId) || m.userId,
    m.openLeads,
    m.openAmount,
    m.wonCount,
    m.wonAmount,
    m.lostCount,
    m.tasksOpen,
    m.tasksOverdue,
    m.tasksCompleted,
    m.contacts,
  ]);
  return (
    <>
      <PageHeader title={t('analytics.title')}>
        <CsvDownload fileName="managers.csv" header={header} rows={rows} />
      </PageHeader>
      <AnalyticsTabs />
      <ReportFilters />
      {managers.isPending && <LoadingState />}
      {managers.isError && <ErrorState error={managers.error} onRetry={() => void managers.refetch()} />}
      {managers.data && (
        <>
          <Paper withBorder p="md" mb="md">
            <BarChart
              h={260}
              data={items.map((m) => ({ user: userName(m.userId) || m.userId, open: m.openLeads, won: m.wonCount, lost: m.lostCount }))}
              dataKey="user"
              series={[
                { name: 'open', label: t('analytics.openLeads'), color: 'blue.6' },
                { name: 'won', label: t('analytics.won'), color: 'teal.6' },
                { name: 'lost', label: t('analytics.lost'), color: 'red.6' },
              ]}
              withLegend
            />
          </Paper>
          <ReportTable
            header={header}
            minWidth={800}
            rows={items.map((m) => ({
              key: m.userId,
              cells: [
                userName(m.userId) || m.userId,
                format.number(m.openLeads),
                format.money(m.openAmount),
                format.number(m.wonCount),
                format.money(m.wonAmount),
                format.number(m.lostCount),
                format.number(m.tasksOpen),
                format.number(m.tasksOverdue),
                format.number(m.tasksCompleted),
                format.number(m.contacts),
              ],
            }))}
          />
        </>
      )}
    </>
  );
}
