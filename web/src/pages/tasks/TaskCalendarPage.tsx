import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuickAdd } from '@/ui/quickAdd';
import { inZone, nowInZone, weekDays } from '@/lib/dates';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { TasksViewSwitch } from '@/features/tasks/components/TasksViewSwitch';
import { WeekCalendar } from '@/features/tasks/components/WeekCalendar';
import { useTasksDue, useTaskTypes } from '@/features/tasks/hooks/useTasks';

export default function TaskCalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const openQuickAdd = useQuickAdd();
  const [params, setParams] = useSearchParams();
  const week = params.get('week');
  const anchor = week ? inZone(`${week}T12:00:00Z`, format.timeZone) : nowInZone(format.timeZone);
  const days = weekDays(anchor);
  const from = days[0].startOf('day').toISOString();
  const to = days[6].endOf('day').toISOString();
  const tasks = useTasksDue(from, to);
  const types = useTaskTypes();
  const go = (weeks: number) => setParams(weeks === 0 ? {} : { week: days[0].add(weeks, 'week').format('YYYY-MM-DD') });

  return (
    <>
      <PageHeader title={t('nav.tasks')}>
        <TasksViewSwitch active="calendar" />
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('task')}>
          {t('tasks.add')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="xs">
        <Button size="xs" variant="default" onClick={() => go(-1)} aria-label={t('tasks.prevWeek')}>
          <IconChevronLeft size={14} aria-hidden />
        </Button>
        <Button size="xs" variant="default" onClick={() => go(0)}>
          {t('tasks.thisWeek')}
        </Button>
        <Button size="xs" variant="default" onClick={() => go(1)} aria-label={t('tasks.nextWeek')}>
          <IconChevronRight size={14} aria-hidden />
        </Button>
        <Text size="sm" fw={600}>
          {format.date(from)} — {format.date(to)}
        </Text>
      </Group>
      {tasks.isPending && <LoadingState />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && <WeekCalendar days={days} tasks={tasks.data} types={types.data ?? []} />}
    </>
  );
}
