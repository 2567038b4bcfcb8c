// The account's name, currency and time zone, read-only from GET /me: no route serves account
// settings yet, so there is nothing to save them to (editing returns with the settings API).
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccount } from '@/session/useMe';

export function AccountSummary() {
  const { t } = useTranslation();
  const { account } = useAccount();
  const rows = [
    [t('settings.accountName'), account.name],
    [t('settings.currency'), account.currency],
    [t('settings.timezone'), account.timezone],
  ];
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('settings.account')}
      </Title>
      {rows.map(([label, value]) => (
        <Group key={label} gap="sm" wrap="nowrap">
          <Text size="sm" c="dimmed" w={180}>
            {label}
          </Text>
          <Text size="sm">{value}</Text>
        </Group>
      ))}
    </Stack>
  );
}
