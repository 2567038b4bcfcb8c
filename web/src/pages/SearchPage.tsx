// Search results on their own page (the phone's search, and Enter in the header box).
import { Anchor, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { MIN_QUERY, searchHits, useSearch, type SearchHit } from '@/features/search/hooks/useSearch';

const GROUPS: SearchHit['kind'][] = ['lead', 'contact', 'company'];

export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const search = useSearch(q);
  const hits = searchHits(search.data);
  const setQuery = useDebouncedCallback((value: string) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true }), 300);

  return (
    <>
      <PageHeader title={t('search.title')} />
      <TextInput
        key={q === '' ? 'empty' : 'filled'}
        aria-label={t('search.title')}
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        defaultValue={q}
        onChange={(e) => setQuery(e.currentTarget.value)}
        size="md"
        mb="md"
        maw={560}
        autoFocus
      />
      {q.length < MIN_QUERY && <EmptyState>{t('search.hint')}</EmptyState>}
      {q.length >= MIN_QUERY && search.isPending && <LoadingState />}
      {search.isError && <ErrorState error={search.error} onRetry={() => void search.refetch()} />}
      {search.isSuccess && q.length >= MIN_QUERY && hits.length === 0 && <EmptyState>{t('search.nothing', { q })}</EmptyState>}
      {hits.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {GROUPS.map((kind) => (
            <Paper key={kind} withBorder p="md">
              <Title order={2} size="h5" mb="xs">
                {t(`search.groups.${kind}`)}
              </Title>
              <Stack gap={6}>
                {hits
                  .filter((h) => h.kind === kind)
                  .map((hit) => (
                    <div key={hit.to}>
                      <Anchor component={Link} to={hit.to} size="sm" fw={500}>
                        {hit.name}
                      </Anchor>
                      {hit.detail && (
                        <Text size="xs" c="dimmed">
                          {hit.detail}
                        </Text>
                      )}
                    </div>
                  ))}
                {!hits.some((h) => h.kind === kind) && (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
