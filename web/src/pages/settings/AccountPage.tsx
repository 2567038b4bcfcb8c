import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { AccountSettingsForm, settingsQueryKey } from '@/features/settings/components/AccountSettingsForm';
import { ErrorState, LoadingState } from '@/ui/states';
import { SettingsPanel } from './SettingsPanel';

export default function AccountPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => api.settings.get({ signal }) });
  return (
    <SettingsPanel title={t('settings.account')}>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        // Keyed by version: a newer version read after a conflict starts the form afresh.
        <AccountSettingsForm key={settings.data.version} settings={settings.data} />
      )}
    </SettingsPanel>
  );
}
