import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TaskTypesEditor } from '@/features/admin-editors/components/TaskTypesEditor';

export default function TaskTypesPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} size="h3" mb="md">
        {t('adminEditors.taskTypes.title')}
      </Title>
      <TaskTypesEditor />
    </>
  );
}
