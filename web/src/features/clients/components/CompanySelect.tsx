// The company a contact works at: search by name, shows the current one by name.
import { useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { companyRecords } from '@/api/clients';
import { itemsOf } from '@/api/queries';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  error?: React.ReactNode;
}

export function CompanySelect({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const current = companyRecords.useOne(value);
  const found = companyRecords.useList({ q: q || undefined, limit: 10 });
  const options = new Map(itemsOf(found.data).map((c) => [c.id, c.name]));
  if (current.data) options.set(current.data.id, current.data.name);
  return (
    <Select
      label={t('fields.company')}
      placeholder={t('common.typeToSearch')}
      searchable
      clearable
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value ?? null}
      onChange={(id) => onChange?.(id)}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={t('common.nothingFound')}
      error={error}
    />
  );
}
