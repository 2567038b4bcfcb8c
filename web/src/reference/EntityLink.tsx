import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/api/client';
import type { EntityRef } from '@/api/types';

const PATHS = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;

/**
 * A link to the lead, contact or company a task or event is about, by its name: the one the
 * list already gave (task lists do), else fetched once and cached.
 */
export function EntityLink({ entity }: { entity: EntityRef & { name?: string } }) {
  const { t } = useTranslation();
  const resource = PATHS[entity.type];
  const { data } = useQuery({
    queryKey: [resource, 'detail', entity.id],
    queryFn: ({ signal }): Promise<{ name: string }> => api[resource].get({ id: entity.id }, { signal }),
    staleTime: 60_000,
    retry: false,
    enabled: entity.name === undefined,
  });
  return (
    <Anchor component={Link} to={`/${resource}/${entity.id}`} size="xs">
      {t(`entities.${entity.type}`)}: {entity.name ?? data?.name ?? '…'}
    </Anchor>
  );
}
