// The day's work: tasks for today, overdue, upcoming and completed.
import { useCallback, useMemo } from 'react';
import { Button, Group, SegmentedControl, Stack, Switch } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { itemsOf } from '@/api/queries';
import { useQuickAdd } from '@/ui/quickAdd';
import { dayRange, nowInZone } from '@/lib/dates';
import { LoadMore } from '@/ui/LoadMore';
import { PageHeader } from '@/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useAccount } from '@/session/useMe';
import { TaskRow } from '@/features/tasks/components/TaskRow';
import { TasksViewSwitch } from '@/features/tasks/components/TasksViewSwitch';
import { useTasks, useTaskTypes, type TaskListFilters } from '@/features/tasks/hooks/useTasks';

const VIEWS = ['today', 'overdue', 'upcoming', 'completed'] as const;
type View = (typeof VIEWS)[number];

function queryFor(view: View, timeZone: string): TaskListFilters {
  const today = dayRange(nowInZone(timeZone));
  switch (view) {
    case 'today':
      return { status: 'open', dueFrom: today.from, dueTo: today.to };
    case 'overdue':
      return { status: 'overdue' };
    case 'upcoming':
      return { status: 'open', dueFrom: new Date(new Date(today.to).getTime() + 1).toISOString() };
    case 'completed':
      return { status: 'completed' };
  }
}

export default function TaskListPage() {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const { user } = useAccount();
  const openQuickAdd = useQuickAdd();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'today';
  const mine = params.get('mine') === '1';
  const query = useMemo(
    () => ({ ...queryFor(view, timeZone), responsibleUserId: mine ? user.id : undefined }),
    [view, timeZone, mine, user.id],
  );
  const tasks = useTasks(query);
  const types = useTaskTypes();
  const items = itemsOf(tasks.data);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = tasks;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const setParam = (key: string, value: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <>
      <PageHeader title={t('nav.tasks')}>
        <TasksViewSwitch active="list" />
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('task')}>
          {t('tasks.add')}
        </Button>
      </PageHeader>
      <Group justify="space-between" mb="sm" gap="xs">
        <SegmentedControl
          size="xs"
          aria-label={t('tasks.show')}
          value={view}
          onChange={(v) => setParam('view', v === 'today' ? null : v)}
          data={VIEWS.map((v) => ({ value: v, label: t(`tasks.views.${v}`) }))}
        />
        <Switch
          size="sm"
          label={t('tasks.onlyMine')}
          checked={mine}
          onChange={(e) => setParam('mine', e.currentTarget.checked ? '1' : null)}
        />
      </Group>
      <Stack gap="xs" maw={820}>
        {tasks.isPending && <LoadingState />}
        {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.isSuccess && items.length === 0 && <EmptyState>{t(`tasks.empty.${view}`)}</EmptyState>}
        {items.map((task) => (
          <TaskRow key={task.id} task={task} types={types.data ?? []} />
        ))}
        <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
      </Stack>
    </>
  );
}
