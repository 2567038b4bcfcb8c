// The desktop: open deals and their sum, today's and overdue tasks, new leads, the funnel and
// the latest events; quick add from here.
import { Button, Grid, Paper, SimpleGrid, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuickAdd } from '@/ui/quickAdd';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { FunnelCard } from '@/features/leads/components/FunnelCard';
import { RecentEvents } from '@/features/dashboard/components/RecentEvents';
import { StatCard } from '@/features/dashboard/components/StatCard';
import { TodayTasks } from '@/features/tasks/components/TodayTasks';
import { useDashboard } from '@/features/dashboard/hooks/useDashboard';
import { useNewIncomingCount } from '@/features/incoming/hooks/useIncoming';

export default function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const dashboard = useDashboard();
  const openQuickAdd = useQuickAdd();
  const d = dashboard.data;
  const incoming = useNewIncomingCount();
  return (
    <>
      <PageHeader title={t('nav.desktop')}>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('lead')}>
          {t('quickAdd.lead')}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('contact')}>
          {t('quickAdd.contact')}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('task')}>
          {t('quickAdd.task')}
        </Button>
      </PageHeader>
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {d && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} mb="md">
          <StatCard label={t('dashboard.openLeads')} value={format.number(d.openLeads)} hint={format.money(d.openAmount)} to="/leads" />
          <StatCard label={t('dashboard.tasksToday')} value={format.number(d.tasksToday)} to="/tasks" />
          <StatCard
            label={t('dashboard.tasksOverdue')}
            value={format.number(d.tasksOverdue)}
            to="/tasks?view=overdue"
            danger={d.tasksOverdue > 0}
          />
          <StatCard label={t('dashboard.newLeads')} value={format.number(d.newLeadsThisWeek)} to="/leads/list" />
          <StatCard label={t('incoming.newCount')} value={format.number(incoming.data ?? 0)} to="/incoming" />
        </SimpleGrid>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <TodayTasks />
            </Paper>
            <Paper withBorder p="md">
              <FunnelCard />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md">
            <RecentEvents />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
