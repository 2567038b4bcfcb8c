import { useTranslation } from 'react-i18next';
import { UsageSummary } from '@/features/settings/components/UsageSummary';
import { SettingsPanel } from './SettingsPanel';

export default function UsagePage() {
  const { t } = useTranslation();
  return (
    <SettingsPanel title={t('usage.title')}>
      <UsageSummary />
    </SettingsPanel>
  );
}
