// Leads as a table: filters, sort, multi-select with bulk actions, more rows as you scroll.
import { useCallback, useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf } from '@/api/queries';
import { useQuickAdd } from '@/ui/quickAdd';
import { LoadMore } from '@/ui/LoadMore';
import { PageHeader } from '@/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { LeadBulkActions } from '@/features/leads/components/LeadBulkActions';
import { LeadFilterBar } from '@/features/leads/components/LeadFilters';
import { LeadsViewSwitch } from '@/features/leads/components/LeadsViewSwitch';
import { StageBadge } from '@/reference/StageBadge';
import { useLeadList, type LeadListFilters } from '@/features/leads/hooks/useLeads';
import { LIST_FILTERS, useLeadFilterParams } from '@/features/leads/hooks/useLeadFilterParams';
import { ExportButton } from '@/features/imports/ExportButton';

export default function LeadListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const openQuickAdd = useQuickAdd();
  const [filters, setFilters] = useLeadFilterParams(LIST_FILTERS);
  const leads = useLeadList(filters);
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const items = itemsOf(leads.data);
  const selected = items.filter((l) => selectedIds.has(l.id));
  const allSelected = items.length > 0 && selected.length === items.length;
  const toggle = (id: string) =>
    setSelectedIds((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const applyFilters = (next: LeadListFilters) => {
    setSelectedIds(new Set());
    setFilters(next);
  };
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = leads;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <>
      <PageHeader title={t('nav.leads')}>
        <LeadsViewSwitch active="list" />
        <ExportButton entityType="leads" filters={filters} />
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('lead')}>
          {t('leads.add')}
        </Button>
      </PageHeader>
      <LeadFilterBar value={filters} onChange={applyFilters} />
      <LeadBulkActions selected={selected} onDone={() => setSelectedIds(new Set())} />
      {leads.isError && <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('common.selectAll')}
                  checked={allSelected}
                  indeterminate={selected.length > 0 && !allSelected}
                  onChange={() => setSelectedIds(allSelected ? new Set() : new Set(items.map((l) => l.id)))}
                />
              </Table.Th>
              <Table.Th>{t('leads.name')}</Table.Th>
              <Table.Th>{t('leads.stage')}</Table.Th>
              <Table.Th ta="right">{t('leads.price')}</Table.Th>
              <Table.Th>{t('fields.responsible')}</Table.Th>
              <Table.Th>{t('fields.tags')}</Table.Th>
              <Table.Th>{t('fields.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((lead) => (
              <Table.Tr key={lead.id} bg={selectedIds.has(lead.id) ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('common.selectNamed', { name: lead.name })}
                    checked={selectedIds.has(lead.id)}
                    onChange={() => toggle(lead.id)}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/leads/${lead.id}`} size="sm" fw={500}>
                    {lead.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StageBadge stageId={lead.stageId} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{format.money(lead.price)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{userName(lead.responsibleUserId)}</Text>
                </Table.Td>
                <Table.Td>
                  {lead.tags.map((tag) => (
                    <Badge key={tag} size="xs" variant="light" color="gray" mr={4}>
                      {tag}
                    </Badge>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.date(lead.createdAt)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {leads.isPending && <LoadingState />}
      {leads.isSuccess && items.length === 0 && <EmptyState>{t('leads.noneFound')}</EmptyState>}
      <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
    </>
  );
}
