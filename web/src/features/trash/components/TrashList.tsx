// Deleted leads, contacts and companies, newest first: each with who deleted it and when, the
// days left before the purge, and one button that puts it back.
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashEntityType, TrashItem } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { LoadMore } from '@/ui/LoadMore';
import { notifyError, notifySuccess } from '@/ui/notify';
import { useErrorMessage } from '@/ui/errors';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { daysLeft, useRestore, useTrash } from '@/features/trash/hooks/useTrash';

const FILTERS = ['all', 'lead', 'contact', 'company'] as const;

export function TrashList() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const trash = useTrash(filter === 'all' ? null : filter);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('trash.explain')}
      </Text>
      <SegmentedControl
        aria-label={t('trash.filter')}
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        data={FILTERS.map((f) => ({ value: f, label: t(`trash.filters.${f}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {trash.isPending ? (
        <LoadingState />
      ) : trash.isError ? (
        <ErrorState error={trash.error} onRetry={() => void trash.refetch()} />
      ) : trash.items.length === 0 ? (
        <EmptyState>{t('trash.empty')}</EmptyState>
      ) : (
        <Paper withBorder>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trash.name')}</Table.Th>
                <Table.Th>{t('trash.type')}</Table.Th>
                <Table.Th>{t('trash.deleted')}</Table.Th>
                <Table.Th>{t('trash.left')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('trash.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {trash.items.map((item) => (
                <TrashRow key={`${item.entityType}:${item.id}`} item={item} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <LoadMore hasMore={!!trash.hasNextPage} loading={trash.isFetchingNextPage} onLoadMore={() => void trash.fetchNextPage()} />
    </Stack>
  );
}

function TrashRow({ item }: { item: TrashItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useUserNames();
  const restore = useRestore();
  const message = useErrorMessage();
  const days = daysLeft(item.expiresAt);
  return (
    <Table.Tr data-trash-id={item.id}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {item.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={TYPE_COLORS[item.entityType]}>
          {t(`entities.${item.entityType}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{format.dateTime(item.deletedAt)}</Text>
        <Text size="xs" c="dimmed">
          {names(item.deletedBy)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={days <= 3 ? 'red' : undefined}>
          {t('trash.daysLeft', { count: days })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRestore size={14} aria-hidden />}
            loading={restore.isPending}
            aria-label={t('trash.restoreNamed', { name: item.name })}
            onClick={() =>
              restore.mutate(item, {
                onSuccess: () => notifySuccess(t('trash.restored', { name: item.name })),
                onError: (e) => notifyError(message(e)),
              })
            }
          >
            {t('trash.restore')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

const TYPE_COLORS: Record<TrashEntityType, string> = { lead: 'blue', contact: 'teal', company: 'grape' };
