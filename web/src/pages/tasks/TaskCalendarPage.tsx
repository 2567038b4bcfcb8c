import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuickAdd } from '@/ui/quickAdd';
import { inZone, monthGrid, nowInZone, weekDays } from '@/lib/dates';
import { PageHeader } from '@/ui/PageHeader';
import { ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { TasksViewSwitch } from '@/features/tasks/components/TasksViewSwitch';
import { TaskCalendar, type CalendarLayout } from '@/features/tasks/components/TaskCalendar';
import { useTasksDue, useTaskTypes } from '@/features/tasks/hooks/useTasks';

const LAYOUTS: CalendarLayout[] = ['day', 'week', 'month'];

/** The calendar's layout and date live in the URL (`?view=month&date=2026-11-01`), so a reload keeps them. */
export default function TaskCalendarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const openQuickAdd = useQuickAdd();
  const [params, setParams] = useSearchParams();
  const layout = (LAYOUTS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as CalendarLayout) : 'week';
  const date = params.get('date') ?? params.get('week');
  const anchor = date ? inZone(`${date}T12:00:00Z`, format.timeZone) : nowInZone(format.timeZone);
  const days = layout === 'day' ? [anchor.startOf('day')] : layout === 'week' ? weekDays(anchor) : monthGrid(anchor);
  const from = days[0]!.startOf('day').toISOString();
  const to = days.at(-1)!.endOf('day').toISOString();
  const tasks = useTasksDue(from, to);
  const types = useTaskTypes();
  const show = (next: CalendarLayout, at: string | null) => setParams({ ...(next !== 'week' && { view: next }), ...(at && { date: at }) });
  const go = (steps: number) => show(layout, steps === 0 ? null : anchor.add(steps, layout).format('YYYY-MM-DD'));

  return (
    <>
      <PageHeader title={t('nav.tasks')}>
        <TasksViewSwitch active="calendar" />
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('task')}>
          {t('tasks.add')}
        </Button>
      </PageHeader>
      <Group mb="sm" gap="xs">
        <SegmentedControl
          size="xs"
          aria-label={t('tasks.calendar.layout')}
          value={layout}
          onChange={(v) => show(v as CalendarLayout, anchor.format('YYYY-MM-DD'))}
          data={LAYOUTS.map((l) => ({ value: l, label: t(`tasks.calendar.${l}`) }))}
        />
        <Button size="xs" variant="default" onClick={() => go(-1)} aria-label={t(`tasks.calendar.prev.${layout}`)}>
          <IconChevronLeft size={14} aria-hidden />
        </Button>
        <Button size="xs" variant="default" onClick={() => go(0)}>
          {t(`tasks.calendar.current.${layout}`)}
        </Button>
        <Button size="xs" variant="default" onClick={() => go(1)} aria-label={t(`tasks.calendar.next.${layout}`)}>
          <IconChevronRight size={14} aria-hidden />
        </Button>
        <Text size="sm" fw={600}>
          {layout === 'day' ? format.date(from) : `${format.date(from)} — ${format.date(to)}`}
        </Text>
      </Group>
      {tasks.isPending && <LoadingState />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && (
        <TaskCalendar
          layout={layout}
          days={days}
          month={layout === 'month' ? anchor.format('YYYY-MM') : undefined}
          tasks={tasks.data}
          types={types.data ?? []}
        />
      )}
    </>
  );
}
