// The tasks of one lead, contact or company, open ones first, with "add task".
import { useState } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '@/api/queries';
import type { EntityRef } from '@/api/types';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useTasks, useTaskTypes } from '@/features/tasks/hooks/useTasks';
import { TaskRow } from './TaskRow';
import TaskFormModal from './TaskFormModal';

export function EntityTasks({ entity }: { entity: EntityRef }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const tasks = useTasks({ entityType: entity.type, entityId: entity.id });
  const types = useTaskTypes();
  const items = itemsOf(tasks.data).sort((a, b) =>
    Number(Boolean(a.completedAt)) - Number(Boolean(b.completedAt)) || a.dueAt.localeCompare(b.dueAt));

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h5">{t('nav.tasks')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>{t('tasks.add')}</Button>
      </Group>
      {tasks.isPending && <LoadingState />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && <EmptyState>{t('tasks.none')}</EmptyState>}
      {items.map((task) => <TaskRow key={task.id} task={task} types={types.data ?? []} showEntity={false} />)}
      {adding && <TaskFormModal opened entity={entity} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
