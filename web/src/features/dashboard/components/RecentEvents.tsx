import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import { EntityLink } from '@/reference/EntityLink';
import { useRecentEvents } from '@/features/dashboard/hooks/useDashboard';

const LINKABLE = new Set(['lead', 'contact', 'company']);

export function RecentEvents() {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const recent = useRecentEvents();
  const events = recent.data ?? [];
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
            {LINKABLE.has(e.entity.type) && <EntityLink entity={e.entity as { type: 'lead' | 'contact' | 'company'; id: string }} />}
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
