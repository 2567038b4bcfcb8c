// The header's search box: results grouped by kind as you type; Enter opens the results page.
import { useState } from 'react';
import { ActionIcon, Box, Combobox, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MIN_QUERY, searchHits, useSearch, type SearchHit } from '@/features/search/hooks/useSearch';

const GROUPS: SearchHit['kind'][] = ['lead', 'contact', 'company'];

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const search = useSearch(q);
  const hits = q.length >= MIN_QUERY ? searchHits(search.data) : [];
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const open = (to: string) => {
    combobox.closeDropdown();
    setValue('');
    navigate(to);
  };

  return (
    <>
      <ActionIcon component={Link} to="/search" variant="subtle" color="gray" size="lg" hiddenFrom="sm" aria-label={t('search.title')}>
        <IconSearch size={20} aria-hidden />
      </ActionIcon>
      <Box visibleFrom="sm" style={{ flex: 1, maxWidth: 420 }}>
        <Combobox store={combobox} onOptionSubmit={open}>
          <Combobox.Target>
            <TextInput
              aria-label={t('search.title')}
              placeholder={t('search.placeholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                combobox.openDropdown();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && value.trim()) {
                  open(`/search?q=${encodeURIComponent(value.trim())}`);
                }
              }}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={q.length < MIN_QUERY}>
            <Combobox.Options>
              {hits.length === 0 && <Combobox.Empty>{search.isFetching ? t('common.loading') : t('common.nothingFound')}</Combobox.Empty>}
              {GROUPS.map((kind) => {
                const group = hits.filter((h) => h.kind === kind);
                if (!group.length) return null;
                return (
                  <Combobox.Group key={kind} label={t(`search.groups.${kind}`)}>
                    {group.map((hit) => (
                      <Combobox.Option key={hit.to} value={hit.to}>
                        <Text size="sm">{hit.name}</Text>
                        {hit.detail && (
                          <Text size="xs" c="dimmed">
                            {hit.detail}
                          </Text>
                        )}
                      </Combobox.Option>
                    ))}
                  </Combobox.Group>
                );
              })}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
      </Box>
    </>
  );
}
