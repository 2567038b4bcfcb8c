// One webhook: its URL and events, on/off, the notice when the CRM switched it off, rotate the
// secret, delete, and its delivery log.
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookWithSecret } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { FormError } from '@/ui/FormError';
import { useDeleteWebhook, usePatchWebhook, useRotateSecret } from '@/features/webhooks/hooks/useWebhooks';
import { DeliveryLog } from './DeliveryLog';

export function WebhookCard({ webhook, onSecret }: { webhook: Webhook; onSecret: (w: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const patch = usePatchWebhook();
  const rotate = useRotateSecret();
  const remove = useDeleteWebhook();
  const [showLog, setShowLog] = useState(false);
  return (
    <Paper withBorder p="md" aria-label={webhook.url} component="section">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} style={{ wordBreak: 'break-all' }}>
            {webhook.url}
          </Text>
          <Switch
            checked={webhook.enabled}
            label={webhook.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
            onChange={(e) => patch.mutate({ webhook, patch: { enabled: e.currentTarget.checked } })}
            disabled={patch.isPending}
          />
        </Group>
        {webhook.disabledReason && (
          <Alert color="red" variant="light" title={t('webhooks.autoDisabled')} role="alert">
            {t('webhooks.autoDisabledText', { at: format.dateTime(webhook.disabledAt) })} {webhook.disabledReason}
          </Alert>
        )}
        <Group gap={4}>
          {webhook.events.map((type) => (
            <Badge key={type} variant="outline" size="sm" tt="none">
              {type}
            </Badge>
          ))}
        </Group>
        {webhook.previousSecretExpiresAt && Date.parse(webhook.previousSecretExpiresAt) > Date.now() && (
          <Text size="xs" c="dimmed">
            {t('webhooks.graceUntil', { at: format.dateTime(webhook.previousSecretExpiresAt) })}
          </Text>
        )}
        <FormError error={patch.error ?? rotate.error ?? remove.error} />
        <Group gap="sm">
          <Button size="xs" variant="light" onClick={() => setShowLog(!showLog)} aria-expanded={showLog}>
            {showLog ? t('webhooks.hideDeliveries') : t('webhooks.showDeliveries')}
          </Button>
          <Button size="xs" variant="light" loading={rotate.isPending} onClick={() => rotate.mutate(webhook, { onSuccess: onSecret })}>
            {t('webhooks.rotate')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={() => window.confirm(t('webhooks.confirmDelete')) && remove.mutate(webhook)}
          >
            {t('webhooks.delete')}
          </Button>
        </Group>
        {showLog && <DeliveryLog webhookId={webhook.id} canResend={webhook.enabled} />}
      </Stack>
    </Paper>
  );
}
