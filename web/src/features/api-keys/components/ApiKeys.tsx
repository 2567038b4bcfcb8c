// Settings > API keys: create a key with scopes and an optional expiry (shown once, to copy),
// the keys with their last use, and revoke.
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { API_KEY_SCOPES, type ApiKeyScopeName } from '@crm/contract/scopes';
import { FormError } from '@/ui/FormError';
import { ErrorState, LoadingState } from '@/ui/states';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '@/features/api-keys/hooks/useApiKeys';

export function ApiKeys() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScopeName[]>(['leads:read']);
  const [expires, setExpires] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }) : '—');

  const submit = () =>
    create.mutate(
      { name, scopes, ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}) },
      {
        onSuccess: (created) => {
          setShown(created.key);
          setName('');
        },
      },
    );

  return (
    <Stack gap="md" maw={900}>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('apiKeys.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('apiKeys.hint')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            <Group align="flex-end">
              <TextInput label={t('apiKeys.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
              <TextInput
                type="datetime-local"
                label={t('apiKeys.expiresAt')}
                value={expires}
                onChange={(e) => setExpires(e.currentTarget.value)}
              />
            </Group>
            <Checkbox.Group label={t('apiKeys.scopes')} value={scopes} onChange={(v) => setScopes(v as ApiKeyScopeName[])}>
              <SimpleGrid cols={{ base: 2, sm: 5 }} mt={4}>
                {API_KEY_SCOPES.map((s) => (
                  <Checkbox key={s} value={s} label={s} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <FormError error={create.error} />
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!name.trim() || scopes.length === 0}>
                {t('apiKeys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
        {shown && (
          <Alert
            mt="md"
            color="blue"
            title={t('apiKeys.shownOnce')}
            withCloseButton
            closeButtonLabel={t('apiKeys.dismiss')}
            onClose={() => setShown(null)}
          >
            <Group gap="xs" wrap="nowrap">
              <Code data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
                {shown}
              </Code>
              <CopyButton value={shown}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="light" onClick={copy}>
                    {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="md">
        {keys.isPending ? (
          <LoadingState />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('apiKeys.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiKeys.name')}</Table.Th>
                  <Table.Th>{t('apiKeys.scopes')}</Table.Th>
                  <Table.Th>{t('apiKeys.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('apiKeys.expiresAt')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('apiKeys.revoke')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      {k.name} <Code>…{k.hint}</Code>
                    </Table.Td>
                    <Table.Td>{k.scopes.join(', ')}</Table.Td>
                    <Table.Td>{when(k.lastUsedAt)}</Table.Td>
                    <Table.Td>{when(k.expiresAt)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" color="red" variant="subtle" onClick={() => revoke.mutate(k.id)}>
                        {t('apiKeys.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
