// The event log: who did what, filtered by record, user, type and period, each change shown
// as field: before → after in words.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/ui/PageHeader';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { itemsOf } from '@/api/queries';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { EntityLink } from '@/reference/EntityLink';
import { AnalyticsTabs } from '@/features/analytics/components/AnalyticsTabs';
import { CsvDownload } from '@/features/analytics/components/CsvDownload';
import { EventChanges } from '@/features/analytics/components/EventChanges';
import { EventLogFilters } from '@/features/analytics/components/EventLogFilters';
import { useEventLog } from '@/features/analytics/hooks/useReports';

const LINKABLE = new Set(['lead', 'contact', 'company']);

export default function EventLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const log = useEventLog();
  const events = itemsOf(log.data);
  const actor = (e: (typeof events)[number]) =>
    e.actor.type === 'user' ? userName(e.actor.id) || e.actor.id : t(`analytics.actors.${e.actor.type}`);
  const header = [t('analytics.when'), t('analytics.user'), t('analytics.eventType'), t('analytics.entityType'), t('analytics.entityId')];
  const rows = events.map((e) => [e.occurredAt, actor(e), t(`events.${e.type}`, { defaultValue: e.type }), e.entity.type, e.entity.id]);
  return (
    <>
      <PageHeader title={t('analytics.title')}>
        <CsvDownload fileName="events.csv" header={header} rows={rows} />
      </PageHeader>
      <AnalyticsTabs />
      <EventLogFilters />
      {log.isPending && <LoadingState />}
      {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.isSuccess && events.length === 0 && <EmptyState>{t('analytics.noEvents')}</EmptyState>}
      {events.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.when')}</Table.Th>
                <Table.Th>{t('analytics.user')}</Table.Th>
                <Table.Th>{t('analytics.eventType')}</Table.Th>
                <Table.Th>{t('analytics.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(e.occurredAt)}</Text>
                  </Table.Td>
                  <Table.Td>{actor(e)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`events.${e.type}`, { defaultValue: e.type })}</Text>
                    {LINKABLE.has(e.entity.type) && (
                      <EntityLink entity={e.entity as { type: 'lead' | 'contact' | 'company'; id: string }} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <EventChanges event={e} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={Boolean(log.hasNextPage)} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
    </>
  );
}
