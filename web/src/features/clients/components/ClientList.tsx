// The client base as a table (contacts or companies): text search, responsible and tag
// filters, ordered by nearest task (the server's sort), more rows as you scroll.
import { useCallback, type ReactNode } from 'react';
import { Anchor, Button, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ClientKind } from '@/api/clients';
import { itemsOf } from '@/api/queries';
import type { ClientSort } from '@/api/types';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useTags } from '@/reference/useTags';
import { useUserNames } from '@/reference/useUsers';
import { useFormat } from '@/session/useFormat';
import { Filters } from '@/ui/Filters';
import { LoadMore } from '@/ui/LoadMore';
import { PageHeader } from '@/ui/PageHeader';
import { useQuickAdd } from '@/ui/quickAdd';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { CLIENT_KINDS, COLUMN_VALUES } from '@/features/clients/kinds';

export interface ClientListFilters {
  q?: string;
  responsibleUserId?: string;
  tag?: string;
}

const SORTS: ClientSort[] = ['nearestTask', '-createdAt', 'name', '-updatedAt'];

/** `actions`: what the page adds to the header for the list as filtered now (its export). */
export function ClientList({ kind, actions }: { kind: ClientKind; actions?: (filters: ClientListFilters) => ReactNode }) {
  const { t } = useTranslation();
  const spec = CLIENT_KINDS[kind];
  const format = useFormat();
  const userName = useUserNames();
  const openQuickAdd = useQuickAdd();
  const tags = useTags(spec.resource);
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as ClientSort) : 'nearestTask';
  const filters: ClientListFilters = {
    q: params.get('q') ?? undefined,
    responsibleUserId: params.get('responsibleUserId') ?? undefined,
    tag: params.get('tag') ?? undefined,
  };
  const list = spec.records.useList({ ...filters, sort });
  const set = (key: string, value: string | null | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const setQuery = useDebouncedCallback((q: string) => set('q', q.trim()), 300);
  const items = itemsOf(list.data);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <>
      <PageHeader title={t(`nav.${spec.resource}`)}>
        {actions?.(filters)}
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd(kind)}>
          {t(`${spec.resource}.add`)}
        </Button>
      </PageHeader>
      <Filters active={Object.values(filters).filter(Boolean).length}>
        <TextInput
          size="xs"
          label={t('common.search')}
          leftSection={<IconSearch size={14} aria-hidden />}
          defaultValue={filters.q ?? ''}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={220}
        />
        <ResponsibleSelect
          size="xs"
          clearable
          value={filters.responsibleUserId ?? null}
          onChange={(v) => set('responsibleUserId', v)}
          w={180}
        />
        <Select
          size="xs"
          label={t('fields.tag')}
          clearable
          searchable
          data={tags.data ?? []}
          value={filters.tag ?? null}
          onChange={(v) => set('tag', v)}
          w={150}
        />
        <Select
          size="xs"
          label={t('common.sort')}
          data={SORTS.map((s) => ({ value: s, label: t(`clients.sorts.${s}`) }))}
          value={sort}
          onChange={(v) => set('sort', v === 'nearestTask' ? null : v)}
          allowDeselect={false}
          w={190}
        />
      </Filters>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.name')}</Table.Th>
              {spec.columns.map((c) => (
                <Table.Th key={c}>{t(`fields.${c}`)}</Table.Th>
              ))}
              <Table.Th>{t('clients.nearestTask')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/${spec.resource}/${item.id}`} size="sm" fw={500}>
                    {item.name}
                  </Anchor>
                </Table.Td>
                {spec.columns.map((c) => (
                  <Table.Td key={c}>
                    <Text size="sm" component="div">
                      {COLUMN_VALUES[c](item, userName)}
                    </Text>
                  </Table.Td>
                ))}
                <Table.Td>
                  <Text size="sm" c={item.nearestTaskAt && item.nearestTaskAt < new Date().toISOString() ? 'red.8' : undefined}>
                    {item.nearestTaskAt ? format.dateTime(item.nearestTaskAt) : '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isPending && <LoadingState />}
      {list.isSuccess && items.length === 0 && <EmptyState>{t('common.nothingFound')}</EmptyState>}
      <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
    </>
  );
}
