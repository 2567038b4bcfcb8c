// Tasks on a day, a week or a month of days in the account's time zone; drag a task to another
// day to reschedule it at the same time of day (PATCH dueAt with If-Match).
import { useState } from 'react';
import {
  DndContext,
  MouseSensor,
  TouchSensor,
  KeyboardSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Text, UnstyledButton } from '@mantine/core';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Task, TaskType } from '@/api/types';
import { inZone, moveToDay } from '@/lib/dates';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { useFormat } from '@/session/useFormat';
import { useUpdateTask } from '@/features/tasks/hooks/useTasks';
import { isOverdue } from './TaskRow';
import TaskFormModal from './TaskFormModal';
import classes from './TaskCalendar.module.css';

function TaskChip({ task, color, onOpen }: { task: Task; color?: string; onOpen: () => void }) {
  const format = useFormat();
  const { setNodeRef, listeners, attributes, transform } = useDraggable({
    id: task.id,
    data: { task },
    disabled: Boolean(task.completedAt),
  });
  const style = {
    '--task-color': color,
    transform: transform ? `translate(${transform.x}px, ${transform.y}px)` : undefined,
  } as React.CSSProperties;
  return (
    <UnstyledButton
      ref={setNodeRef}
      className={classes.chip}
      style={style}
      data-done={task.completedAt ? 'true' : undefined}
      data-overdue={isOverdue(task) ? 'true' : undefined}
      onClick={onOpen}
      {...attributes}
      {...listeners}
      role="button"
    >
      <Text span size="xs" fw={600}>
        {format.time(task.dueAt)}
      </Text>{' '}
      {task.text}
    </UnstyledButton>
  );
}

export type CalendarLayout = 'day' | 'week' | 'month';

function DayColumn({
  day,
  today,
  outside,
  tasks,
  types,
  onOpen,
}: {
  day: Dayjs;
  today: boolean;
  /** A day of the month grid outside the month shown. */
  outside: boolean;
  tasks: Task[];
  types: TaskType[];
  onOpen: (t: Task) => void;
}) {
  const format = useFormat();
  const label = `${format.weekday(day.toISOString())} ${day.format('D')}`;
  const { setNodeRef, isOver } = useDroppable({ id: day.format('YYYY-MM-DD'), data: { day } });
  return (
    <section
      ref={setNodeRef}
      className={classes.day}
      data-today={today ? 'true' : undefined}
      data-over={isOver ? 'true' : undefined}
      data-outside={outside ? 'true' : undefined}
      data-day={day.format('YYYY-MM-DD')}
      aria-label={label}
    >
      <Text size="xs" fw={700} tt="uppercase" c={today ? 'blue.8' : 'dimmed'}>
        {label}
      </Text>
      {tasks.map((task) => (
        <TaskChip key={task.id} task={task} color={types.find((ty) => ty.id === task.typeId)?.color} onOpen={() => onOpen(task)} />
      ))}
    </section>
  );
}

export function TaskCalendar({
  layout,
  days,
  month,
  tasks,
  types,
}: {
  layout: CalendarLayout;
  days: Dayjs[];
  /** The month a month grid shows (its other days are dimmed). */
  month?: string;
  tasks: Task[];
  types: TaskType[];
}) {
  const { t } = useTranslation();
  const { timeZone } = useFormat();
  const update = useUpdateTask();
  const describe = useErrorMessage();
  const [open, setOpen] = useState<Task | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const todayKey = inZone(new Date(), timeZone).format('YYYY-MM-DD');
  const byDay = (day: Dayjs) =>
    tasks
      .filter((task) => inZone(task.dueAt, timeZone).format('YYYY-MM-DD') === day.format('YYYY-MM-DD'))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const task = active.data.current?.task as Task | undefined;
    const day = over?.data.current?.day as Dayjs | undefined;
    if (!task || !day || inZone(task.dueAt, timeZone).isSame(day, 'day')) return;
    update.mutate(
      { task, patch: { dueAt: moveToDay(task.dueAt, day, timeZone) } },
      {
        onError: (e) => notifyError(`${t('tasks.rescheduleFailed')} ${describe(e)}`),
      },
    );
  };

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <div className={classes.week} data-layout={layout}>
        {days.map((day) => (
          <DayColumn
            key={day.format('YYYY-MM-DD')}
            day={day}
            today={day.format('YYYY-MM-DD') === todayKey}
            outside={Boolean(month) && day.format('YYYY-MM') !== month}
            tasks={byDay(day)}
            types={types}
            onOpen={setOpen}
          />
        ))}
      </div>
      {open && <TaskFormModal opened task={open} onClose={() => setOpen(null)} />}
    </DndContext>
  );
}
