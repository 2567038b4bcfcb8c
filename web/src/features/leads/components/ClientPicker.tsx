// Find a contact or company by name as you type, pick it, or create one with that name.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import type { Page } from '@/api/types';

interface Named {
  id: string;
  name: string;
}

interface Props {
  resource: 'contacts' | 'companies';
  label: string;
  excludeIds?: string[];
  onPick: (item: Named) => void;
  onCreate?: (name: string) => void;
  disabled?: boolean;
}

const CREATE = '__create__';

export function ClientPicker({ resource, label, excludeIds = [], onPick, onCreate, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: [resource, 'picker', q],
    queryFn: ({ signal }) => api[resource].list({ q: q || undefined, limit: 10 }, { signal }) as Promise<Page<Named>>,
    staleTime: 10_000,
  });
  const items = (found.data?.items ?? []).filter((i) => !excludeIds.includes(i.id));
  const data = items.map((i) => ({ value: i.id, label: i.name }));
  if (onCreate && q) data.push({ value: CREATE, label: t('common.createNamed', { name: q }) });

  return (
    <Select
      label={label}
      placeholder={t('common.typeToSearch')}
      searchable
      data={data}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.nothingFound')}
      disabled={disabled}
      onChange={(id) => {
        if (id === CREATE) onCreate?.(q);
        else {
          const item = items.find((i) => i.id === id);
          if (item) onPick(item);
        }
        setSearch('');
      }}
    />
  );
}
