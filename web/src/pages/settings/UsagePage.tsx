import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UsageSummary } from '@/features/settings/components/UsageSummary';

export default function UsagePage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('usage.title')}
      </Title>
      <UsageSummary />
    </Paper>
  );
}
