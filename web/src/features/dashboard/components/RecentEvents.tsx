import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { EntityLink } from '@/reference/EntityLink';
import { useRecentEvents } from '@/features/dashboard/hooks/useDashboard';
import type { CrmEvent } from '@/api/types';

type Linkable = 'lead' | 'contact' | 'company';
const LINKABLE = new Set(['lead', 'contact', 'company']);

/** The record's name as the event carries it (`data.lead`, `data.contact`, `data.company`): no read per event. */
const nameIn = (e: CrmEvent) => (e.data[e.entity.type] as { name?: unknown } | undefined)?.name;

/** Records whose newest listed event deletes them (the list is newest first). */
function deletedIn(events: CrmEvent[]) {
  const newest = new Map<string, string>();
  for (const e of events) if (!newest.has(e.entity.id)) newest.set(e.entity.id, e.type);
  return new Set([...newest].filter(([, type]) => type.endsWith('.deleted')).map(([id]) => id));
}

export function RecentEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const recent = useRecentEvents();
  const events = recent.data ?? [];
  const deleted = deletedIn(events);
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        {t('dashboard.recentEvents')}
      </Title>
      {recent.isPending && <LoadingState />}
      {recent.isError && <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />}
      {recent.isSuccess && events.length === 0 && <EmptyState>{t('dashboard.noEvents')}</EmptyState>}
      {events.map((e) => (
        <div key={e.id}>
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {t(`events.${e.type}`, { defaultValue: e.type })}
            </Text>
            {LINKABLE.has(e.entity.type) && (
              <EntityLink
                entity={{ type: e.entity.type as Linkable, id: e.entity.id, name: String(nameIn(e) ?? '') || undefined }}
                deleted={deleted.has(e.entity.id)}
              />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {format.dateTime(e.occurredAt)}
            {e.actor.type === 'user' ? ` · ${userName(e.actor.id)}` : ''}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
