import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PipelinesEditor } from '@/features/admin-editors/components/PipelinesEditor';

export default function PipelinesPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} size="h3" mb="md">
        {t('adminEditors.pipelines.title')}
      </Title>
      <PipelinesEditor />
    </>
  );
}
