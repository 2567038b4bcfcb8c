// The lead, contact or company a new task is about: a searchable select over the quick search
// (GET /search), grouped by kind; what was picked stays listed while the user types on.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import type { EntityRef } from '@/api/types';

const MIN_QUERY = 2;
type Picked = EntityRef & { name: string };
const valueOf = (r: EntityRef) => `${r.type}:${r.id}`;

export function RecordPicker({ value, onChange }: { value: Picked | null; onChange: (record: Picked | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.search({ q, limit: 5 }, { signal }),
    enabled: q.length >= MIN_QUERY && q !== value?.name,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const groups = (['lead', 'contact', 'company'] as const).map((type) => {
    const hits = found.data?.[({ lead: 'leads', contact: 'contacts', company: 'companies' } as const)[type]] ?? [];
    const records: Picked[] = hits.map((h) => ({ type, id: h.id, name: h.name }));
    if (value?.type === type && !records.some((r) => r.id === value.id)) records.unshift(value);
    return { type, records };
  });
  const byValue = new Map(groups.flatMap((g) => g.records.map((r) => [valueOf(r), r] as const)));
  return (
    <Select
      label={t('tasks.linkedTo')}
      placeholder={t('tasks.linkPlaceholder')}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already matched (prefixes, phones, Latin spellings): show its hits as they are.
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= MIN_QUERY && !found.isFetching ? t('tasks.linkNothing') : undefined}
      data={groups
        .filter((g) => g.records.length)
        .map((g) => ({ group: t(`entities.${g.type}`), items: g.records.map((r) => ({ value: valueOf(r), label: r.name })) }))}
      value={value ? valueOf(value) : null}
      onChange={(v) => onChange(v ? (byValue.get(v) ?? null) : null)}
    />
  );
}
