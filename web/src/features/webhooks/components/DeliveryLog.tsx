// One webhook's latest deliveries: status, attempts, answer, latency and last error, with every
// attempt on demand and a resend.
import { Badge, Button, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { FormError } from '@/ui/FormError';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useDeliveries, useResend } from '@/features/webhooks/hooks/useWebhooks';

const STATUS_COLOR: Record<WebhookDelivery['status'], string> = { pending: 'yellow', delivered: 'teal', failed: 'red' };

export function DeliveryLog({ webhookId, canResend }: { webhookId: string; canResend: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliveries = useDeliveries(webhookId);
  const resend = useResend(webhookId);
  const [open, setOpen] = useState<string | null>(null);
  if (deliveries.isPending) return <LoadingState />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  const items = deliveries.data.items;
  if (items.length === 0) return <EmptyState>{t('webhooks.noDeliveries')}</EmptyState>;
  return (
    <>
      <FormError error={resend.error} />
      <Table striped aria-label={t('webhooks.deliveries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('webhooks.event')}</Table.Th>
            <Table.Th>{t('webhooks.status')}</Table.Th>
            <Table.Th>{t('webhooks.attempts')}</Table.Th>
            <Table.Th>{t('webhooks.response')}</Table.Th>
            <Table.Th>{t('webhooks.latency')}</Table.Th>
            <Table.Th>{t('webhooks.when')}</Table.Th>
            <Table.Th>{t('webhooks.lastError')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Fragment key={d.id}>
              <Table.Tr>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => setOpen(open === d.id ? null : d.id)}
                    aria-expanded={open === d.id}
                  >
                    {d.eventType}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[d.status]} variant="light" c="dark.7">
                    {t(`webhooks.statuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.responseCode ?? '—'}</Table.Td>
                <Table.Td>{d.latencyMs === null ? '—' : `${d.latencyMs} ms`}</Table.Td>
                <Table.Td>{format.dateTime(d.deliveredAt ?? d.createdAt)}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {d.lastError ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canResend && (d.status !== 'pending' || d.attempts === 0) && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={resend.isPending && resend.variables === d.id}
                      onClick={() => resend.mutate(d.id)}
                    >
                      {t('webhooks.resend')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
              {open === d.id &&
                d.log.map((a) => (
                  <Table.Tr key={`${d.id}-${a.attempt}`}>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Text size="xs">
                        #{a.attempt} · {format.dateTime(a.at)} · {a.responseCode ?? '—'} · {a.latencyMs} ms {a.error ? `· ${a.error}` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
