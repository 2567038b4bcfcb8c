import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomFieldsEditor } from '@/features/admin-editors/components/CustomFieldsEditor';

export default function CustomFieldsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} size="h3" mb="md">
        {t('adminEditors.customFields.title')}
      </Title>
      <CustomFieldsEditor />
    </>
  );
}
