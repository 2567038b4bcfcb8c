// The incoming requests (amoCRM's "unsorted"): who wrote or called, from where, what they said
// and when; accept makes a lead with its contact, attach joins a lead that exists, decline drops it.
import { useState } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Incoming } from '@/api/types';
import { FormError } from '@/ui/FormError';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { notifySuccess } from '@/ui/notify';
import {
  useAcceptIncoming,
  useAttachIncoming,
  useDeclineIncoming,
  useIncomingList,
  useLeadChoices,
} from '@/features/incoming/hooks/useIncoming';

export function IncomingList({ status }: { status: 'new' | 'accepted' | 'declined' | undefined }) {
  const { t, i18n } = useTranslation();
  const list = useIncomingList(status);
  const accept = useAcceptIncoming();
  const decline = useDeclineIncoming();
  const [attaching, setAttaching] = useState<Incoming | null>(null);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.items.length === 0) return <EmptyState>{t('incoming.none')}</EmptyState>;
  return (
    <Stack gap="sm">
      <FormError error={accept.error ?? decline.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('incoming.source')}</Table.Th>
              <Table.Th>{t('incoming.who')}</Table.Th>
              <Table.Th>{t('incoming.message')}</Table.Th>
              <Table.Th>{t('incoming.received')}</Table.Th>
              <Table.Th>{t('incoming.decision')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.items.map((r) => (
              <Table.Tr key={r.id} data-testid="incoming-row">
                <Table.Td>
                  <Badge variant="light">{t(`incoming.sources.${r.source}`)}</Badge>
                  {typeof r.meta.formName === 'string' && (
                    <Text size="xs" c="dimmed">
                      {r.meta.formName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {r.name ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[r.phone, r.email].filter(Boolean).join(' · ')}
                  </Text>
                  {r.contactId && (
                    <Text size="xs" component={Link} to={`/contacts/${r.contactId}`} c="blue.8">
                      {t('incoming.knownContact')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={3}>
                    {r.message ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(r.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {r.status === 'new' ? (
                    <Group gap={6} wrap="nowrap">
                      <Button
                        size="compact-sm"
                        loading={accept.isPending && accept.variables?.id === r.id}
                        onClick={() => accept.mutate({ id: r.id, body: {} }, { onSuccess: () => notifySuccess(t('incoming.accepted')) })}
                      >
                        {t('incoming.accept')}
                      </Button>
                      <Button size="compact-sm" variant="light" onClick={() => setAttaching(r)}>
                        {t('incoming.attach')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={decline.isPending && decline.variables === r.id}
                        onClick={() => decline.mutate(r.id)}
                      >
                        {t('incoming.decline')}
                      </Button>
                    </Group>
                  ) : r.leadId ? (
                    <Text size="sm" component={Link} to={`/leads/${r.leadId}`} c="blue.8">
                      {t('incoming.toLead')}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t(`incoming.statuses.${r.status}`)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      {attaching && <AttachDialog request={attaching} onClose={() => setAttaching(null)} />}
    </Stack>
  );
}

function AttachDialog({ request, onClose }: { request: Incoming; onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [leadId, setLeadId] = useState<string | null>(null);
  const choices = useLeadChoices(q);
  const attach = useAttachIncoming();
  const data = (choices.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }));
  return (
    <Modal opened onClose={onClose} title={t('incoming.attachTitle', { name: request.name ?? request.phone ?? request.email ?? '' })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (leadId) attach.mutate({ id: request.id, leadId }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('incoming.lead')}
            searchable
            searchValue={q}
            onSearchChange={setQ}
            data={data}
            value={leadId}
            onChange={setLeadId}
            nothingFoundMessage={q ? t('incoming.noLeads') : undefined}
          />
          <FormError error={attach.error} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!leadId} loading={attach.isPending}>
              {t('incoming.attach')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
