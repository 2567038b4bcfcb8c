import { Paper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoginHistoryTable } from '@/features/settings/components/LoginHistoryTable';

export default function LoginHistoryPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('loginHistory.title')}
      </Title>
      <LoginHistoryTable />
    </Paper>
  );
}
