// What happened to a lead, contact or company, newest first, with a note box on top.
import { useCallback } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '@/api/queries';
import type { EntityRef } from '@/api/types';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { useTimeline } from '@/features/timeline/hooks/useTimeline';
import { NoteComposer } from './NoteComposer';
import { readTimelineItem } from './timelineEntry';
import { TimelineEntryView } from './TimelineEntryView';

export function ActivityFeed({ entity }: { entity: EntityRef }) {
  const { t } = useTranslation();
  const timeline = useTimeline(entity);
  const entries = itemsOf(timeline.data).map(readTimelineItem);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack gap="sm">
      <Title order={2} size="h5">{t('timeline.title')}</Title>
      <NoteComposer entity={entity} />
      {timeline.isPending && <LoadingState />}
      {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isSuccess && entries.length === 0 && <EmptyState>{t('timeline.empty')}</EmptyState>}
      {entries.map((entry) => <TimelineEntryView key={`${entry.kind}-${entry.id}`} entry={entry} />)}
      <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
    </Stack>
  );
}
