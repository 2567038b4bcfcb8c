import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '@/api/client';
import type { EntityRef } from '@/api/types';

const PATHS = { lead: 'leads', contact: 'contacts', company: 'companies' } as const;

/**
 * A link to the lead, contact or company a task or event is about, by its name: the one the
 * list already gave (task lists and events do), else fetched once and cached. A record known
 * to be deleted is its name as plain text: its page would be a 404.
 */
export function EntityLink({ entity, deleted = false }: { entity: EntityRef & { name?: string }; deleted?: boolean }) {
  const { t } = useTranslation();
  const resource = PATHS[entity.type];
  const { data } = useQuery({
    queryKey: [resource, 'detail', entity.id],
    queryFn: ({ signal }): Promise<{ name: string }> => api[resource].get({ id: entity.id }, { signal }),
    staleTime: 60_000,
    retry: false,
    enabled: entity.name === undefined && !deleted,
  });
  const label = `${t(`entities.${entity.type}`)}: ${entity.name ?? data?.name ?? '…'}`;
  if (deleted) {
    return (
      <Text span size="xs" c="dimmed" td="line-through">
        {label}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/${resource}/${entity.id}`} size="xs">
      {label}
    </Anchor>
  );
}
