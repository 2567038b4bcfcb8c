// Usage (admin): this month's users, records and API requests, and what they cost on AWS,
// with the estimate's assumptions spelled out.
import { List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { ErrorState, LoadingState } from '@/ui/states';

export function UsageSummary() {
  const { t, i18n } = useTranslation();
  const usage = useQuery({ queryKey: ['usage'], queryFn: ({ signal }) => api.usage({ signal }) });
  if (usage.isPending) return <LoadingState />;
  if (usage.isError) return <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />;
  const u = usage.data;
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const usd = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
  const figures: [string, number][] = [
    [t('usage.users'), u.users.active],
    [t('usage.leads'), u.records.leads],
    [t('usage.contacts'), u.records.contacts],
    [t('usage.companies'), u.records.companies],
    [t('usage.tasks'), u.records.tasks],
    [t('usage.apiRequests'), u.apiRequests],
  ];
  return (
    <Stack gap="md">
      <Text c="dimmed">{t('usage.month', { month: u.month })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {figures.map(([label, value]) => (
          <Paper key={label} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={600}>
              {number.format(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('usage.estimate')}: {usd.format(u.estimate.totalUsd)}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('usage.service')}</Table.Th>
            <Table.Th>{t('usage.quantity')}</Table.Th>
            <Table.Th>{t('usage.cost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {u.estimate.lines.map((line) => (
            <Table.Tr key={line.service}>
              <Table.Td>{line.service}</Table.Td>
              <Table.Td>
                {number.format(line.quantity)} {line.unit}
              </Table.Td>
              <Table.Td>{usd.format(line.costUsd)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        {t('usage.assumptions')}
      </Title>
      <List size="sm" spacing={4}>
        {u.estimate.assumptions.map((a) => (
          <List.Item key={a}>{a}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
