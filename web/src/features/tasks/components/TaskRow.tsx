// One task in a list: done box, text, type, due time (red when overdue), what it is about.
import { useState } from 'react';
import { ActionIcon, Badge, Checkbox, Group, Paper, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Task, TaskType } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { CompleteTaskModal } from './CompleteTaskModal';
import { EntityLink } from '@/reference/EntityLink';
import TaskFormModal from './TaskFormModal';

export const isOverdue = (task: Task) => !task.completedAt && new Date(task.dueAt).getTime() < Date.now();

export function TaskRow({ task, types, showEntity = true }: { task: Task; types: TaskType[]; showEntity?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const [completing, setCompleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const type = types.find((ty) => ty.id === task.typeId);
  const overdue = isOverdue(task);
  const done = Boolean(task.completedAt);

  return (
    <Paper withBorder p="xs" data-task-id={task.id}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Checkbox
          mt={2}
          checked={done}
          disabled={done}
          onChange={() => setCompleting(true)}
          aria-label={t('tasks.completeNamed', { text: task.text })}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            {type && (
              <Badge size="xs" variant="dot" color="gray" styles={{ root: { '--badge-dot-color': type.color } as React.CSSProperties }}>
                {type.name}
              </Badge>
            )}
            <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
              {format.dateTime(task.dueAt)}
              {overdue ? ` · ${t('tasks.overdue')}` : ''}
            </Text>
          </Group>
          <Text size="sm" td={done ? 'line-through' : undefined}>
            {task.text}
          </Text>
          {task.result && (
            <Text size="xs" c="dimmed">
              {t('tasks.result')}: {task.result}
            </Text>
          )}
          <Group gap="xs">
            {showEntity && task.entity && <EntityLink entity={task.entity} />}
            <Text size="xs" c="dimmed">
              {userName(task.responsibleUserId)}
            </Text>
          </Group>
        </div>
        {!done && (
          <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(true)} aria-label={t('tasks.editNamed', { text: task.text })}>
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      {completing && <CompleteTaskModal task={task} onClose={() => setCompleting(false)} />}
      {editing && <TaskFormModal opened task={task} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
