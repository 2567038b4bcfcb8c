// The tasks of one lead, contact or company, open ones first, with "add task".
import { useTranslation } from 'react-i18next';
import { itemsOf } from '@/api/queries';
import type { EntityRef } from '@/api/types';
import { useTasks, useTaskTypes } from '@/features/tasks/hooks/useTasks';
import { TaskRow } from './TaskRow';
import TaskFormModal from './TaskFormModal';
import { CardSection } from '@/ui/CardSection';

export function EntityTasks({ entity }: { entity: EntityRef }) {
  const { t } = useTranslation();
  const tasks = useTasks({ entityType: entity.type, entityId: entity.id });
  const types = useTaskTypes();
  const items = itemsOf(tasks.data).sort(
    (a, b) => Number(Boolean(a.completedAt)) - Number(Boolean(b.completedAt)) || a.dueAt.localeCompare(b.dueAt),
  );
  return (
    <CardSection
      title={t('nav.tasks')}
      addLabel={t('tasks.add')}
      addDialog={(close) => <TaskFormModal opened entity={entity} onClose={close} />}
      rows={tasks}
      isEmpty={items.length === 0}
      emptyText={t('tasks.none')}
    >
      {items.map((task) => (
        <TaskRow key={task.id} task={task} types={types.data ?? []} showEntity={false} />
      ))}
    </CardSection>
  );
}
