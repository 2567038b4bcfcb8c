import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccount } from '@/session/useMe';
import { LanguageSwitch } from '@/ui/LanguageSwitch';

export default function ProfilePage() {
  const { t } = useTranslation();
  const { user, account } = useAccount();
  return (
    <Stack gap="md" maw={640}>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('settings.profile')}
        </Title>
        <Text>{user.name}</Text>
        <Text size="sm" c="dimmed">
          {user.email} · {t(`settings.roles.${user.role}`, { defaultValue: user.role })} · {account.name}
        </Text>
        <Group mt="md" gap="sm">
          <Text size="sm" fw={500}>
            {t('settings.language')}
          </Text>
          <LanguageSwitch size="sm" />
        </Group>
      </Paper>
    </Stack>
  );
}
