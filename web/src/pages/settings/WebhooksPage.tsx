import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookWithSecret } from '@/api/types';
import { SecretReveal } from '@/features/webhooks/components/SecretReveal';
import { WebhookCard } from '@/features/webhooks/components/WebhookCard';
import { WebhookCreateForm } from '@/features/webhooks/components/WebhookCreateForm';
import { useWebhooks } from '@/features/webhooks/hooks/useWebhooks';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';

export default function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  return (
    <Stack gap="md" maw={960}>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('webhooks.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('webhooks.intro')}
        </Text>
        <WebhookCreateForm onCreated={setSecret} />
      </Paper>
      {secret && <SecretReveal secret={secret.secret} onDone={() => setSecret(null)} />}
      {webhooks.isPending ? (
        <LoadingState />
      ) : webhooks.isError ? (
        <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : webhooks.data.length === 0 ? (
        <EmptyState>{t('webhooks.empty')}</EmptyState>
      ) : (
        webhooks.data.map((w) => <WebhookCard key={w.id} webhook={w} onSecret={setSecret} />)
      )}
    </Stack>
  );
}
