// My open tasks up to the end of today, overdue ones first.
import { Anchor, Stack, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf } from '@/api/queries';
import { dayRange, nowInZone } from '@/lib/dates';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useAccount } from '@/session/useMe';
import { TaskRow } from './TaskRow';
import { useTasks, useTaskTypes } from '@/features/tasks/hooks/useTasks';

export function TodayTasks() {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const { user } = useAccount();
  const endOfToday = dayRange(nowInZone(timeZone)).to;
  const tasks = useTasks({ status: 'open', dueTo: endOfToday, responsibleUserId: user.id, limit: 20 });
  const types = useTaskTypes();
  const items = itemsOf(tasks.data).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('dashboard.myTasks')}
        </Title>
        <Anchor component={Link} to="/tasks" size="sm">
          {t('dashboard.allTasks')}
        </Anchor>
      </Group>
      {tasks.isPending && <LoadingState />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && <EmptyState>{t('dashboard.noTasksToday')}</EmptyState>}
      {items.map((task) => (
        <TaskRow key={task.id} task={task} types={types.data ?? []} />
      ))}
    </Stack>
  );
}
