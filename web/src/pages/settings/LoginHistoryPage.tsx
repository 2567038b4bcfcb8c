import { useTranslation } from 'react-i18next';
import { LoginHistoryTable } from '@/features/settings/components/LoginHistoryTable';
import { SettingsPanel } from './SettingsPanel';

export default function LoginHistoryPage() {
  const { t } = useTranslation();
  return (
    <SettingsPanel title={t('loginHistory.title')}>
      <LoginHistoryTable />
    </SettingsPanel>
  );
}
