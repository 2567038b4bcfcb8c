// The page instead of the app when the account's IP allow-list refuses this address (a 403
// whose problem type says so): what happened, the address, and who can change it.
import { Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IP_NOT_ALLOWED } from '@crm/contract/client';
import { isApiError } from '@/lib/problem';

/** Whether an error is the allow-list's 403, not a missing right. */
export const isIpNotAllowed = (error: unknown) => isApiError(error, 403) && error.problem.type === IP_NOT_ALLOWED;

export function IpNotAllowed({ error, onSignOut }: { error: unknown; onSignOut: () => void }) {
  const { t } = useTranslation();
  const address = isApiError(error) && typeof error.problem.address === 'string' ? error.problem.address : null;
  return (
    <Center mih="70dvh" p="md">
      <Paper withBorder p="xl" maw={520} component="main">
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('ipBlocked.title')}
          </Title>
          <Text>{t('ipBlocked.body')}</Text>
          {address && (
            <Text>
              {t('ipBlocked.yourAddress')} <Code>{address}</Code>
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('ipBlocked.whatToDo')}
          </Text>
          <Button variant="light" onClick={onSignOut}>
            {t('auth.signOut')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
