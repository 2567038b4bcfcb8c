// The client base as a table (contacts or companies): text search, responsible and tag
// filters, ordered by nearest task (the server's sort), more rows as you scroll.
import { useCallback, type ReactNode } from 'react';
import { Anchor, Button, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Query } from '@/api/client';
import { itemsOf } from '@/api/queries';
import type { ClientSort, Page } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useTags } from '@/reference/useTags';
import { Filters } from '@/ui/Filters';
import { LoadMore } from '@/ui/LoadMore';
import { PageHeader } from '@/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';

interface ClientRow {
  id: string;
  name: string;
  nearestTaskAt?: string | null;
}

export interface Column<T> {
  header: string;
  render: (item: T) => ReactNode;
}

interface Props<T extends ClientRow> {
  title: string;
  addLabel: string;
  onAdd: () => void;
  tagEntity: 'contacts' | 'companies';
  basePath: string;
  useList: (query: Query) => UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  columns: Column<T>[];
}

const SORTS: ClientSort[] = ['nearestTask', '-createdAt', 'name', '-updatedAt'];

export function ClientList<T extends ClientRow>({ title, addLabel, onAdd, tagEntity, basePath, useList, columns }: Props<T>) {
  const { t } = useTranslation();
  const format = useFormat();
  const tags = useTags(tagEntity);
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as ClientSort) : 'nearestTask';
  const filters = { q: params.get('q') ?? undefined, responsibleUserId: params.get('responsibleUserId') ?? undefined, tag: params.get('tag') ?? undefined };
  const list = useList({ ...filters, sort });
  const set = (key: string, value: string | null | undefined) => setParams((p) => {
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
      <PageHeader title={title}>
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd}>{addLabel}</Button>
      </PageHeader>
      <Filters active={Object.values(filters).filter(Boolean).length}>
        <TextInput size="xs" label={t('common.search')} leftSection={<IconSearch size={14} aria-hidden />} defaultValue={filters.q ?? ''} onChange={(e) => setQuery(e.currentTarget.value)} w={220} />
        <ResponsibleSelect size="xs" clearable value={filters.responsibleUserId ?? null} onChange={(v) => set('responsibleUserId', v)} w={180} />
        <Select size="xs" label={t('fields.tag')} clearable searchable data={tags.data ?? []} value={filters.tag ?? null} onChange={(v) => set('tag', v)} w={150} />
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
              {columns.map((c) => <Table.Th key={c.header}>{c.header}</Table.Th>)}
              <Table.Th>{t('clients.nearestTask')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td><Anchor component={Link} to={`${basePath}/${item.id}`} size="sm" fw={500}>{item.name}</Anchor></Table.Td>
                {columns.map((c) => <Table.Td key={c.header}><Text size="sm" component="div">{c.render(item)}</Text></Table.Td>)}
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
