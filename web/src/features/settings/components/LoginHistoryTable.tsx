// Login history (admin): who signed in, when, from which address and device; by user and period.
import { useState } from 'react';
import { Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { itemsOf, usePagedList } from '@/api/queries';
import { useUsers } from '@/reference/useUsers';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';

/** The period's days, whole (UTC), as the API's instants. */
const startOfDay = (day: string) => `${day}T00:00:00.000Z`;
const endOfDay = (day: string) => `${day}T23:59:59.999Z`;

export function LoginHistoryTable() {
  const { t, i18n } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const users = useUsers();
  const query = { ...(userId && { userId }), ...(from && { from: startOfDay(from) }), ...(to && { to: endOfDay(to) }) };
  const list = usePagedList(['login-history', query], (page, signal) => api.loginHistory.list({ ...query, ...page }, { signal }));
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.name ?? id;
  const items = itemsOf(list.data);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <Group gap="sm" mb="md" align="flex-end">
        <Select
          label={t('loginHistory.user')}
          placeholder={t('loginHistory.allUsers')}
          clearable
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={userId}
          onChange={setUserId}
          w={220}
        />
        <TextInput type="date" label={t('loginHistory.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
        <TextInput type="date" label={t('loginHistory.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('loginHistory.empty')}</EmptyState>
      ) : (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('loginHistory.at')}</Table.Th>
              <Table.Th>{t('loginHistory.user')}</Table.Th>
              <Table.Th>{t('loginHistory.ip')}</Table.Th>
              <Table.Th>{t('loginHistory.device')}</Table.Th>
              <Table.Th>{t('loginHistory.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((login) => (
              <Table.Tr key={login.id}>
                <Table.Td>{when.format(new Date(login.at))}</Table.Td>
                <Table.Td>{nameOf(login.userId)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {login.ip}
                  </Text>
                </Table.Td>
                <Table.Td>{login.device}</Table.Td>
                <Table.Td>
                  <Badge color={login.success ? 'teal.9' : 'red.9'} variant="filled">
                    {login.success ? t('loginHistory.success') : t('loginHistory.failed')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
    </>
  );
}
