// What happened to a lead, contact or company, newest first, with a note box on top.
import { useCallback, useEffect, useRef } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { itemsOf } from '@/api/queries';
import type { EntityRef } from '@/api/types';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { RESOURCE, useTimeline } from '@/features/timeline/hooks/useTimeline';
import { NoteComposer } from './NoteComposer';
import { oneEntryPerChange, readTimelineItem } from './timelineEntry';
import { TimelineEntryView } from './TimelineEntryView';

/** `version`: the record's; each new one (any save, here or seen from elsewhere) reads the timeline again. */
export function ActivityFeed({ entity, version }: { entity: EntityRef; version: number }) {
  const { t } = useTranslation();
  const timeline = useTimeline(entity);
  const entries = oneEntryPerChange(itemsOf(timeline.data).map(readTimelineItem));
  const { refetch } = timeline;
  const shownVersion = useRef(version);
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    void refetch();
  }, [version, refetch]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Stack gap="sm">
      <Title order={2} size="h5">
        {t('timeline.title')}
      </Title>
      <NoteComposer entity={entity} />
      {timeline.isPending && <LoadingState />}
      {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isSuccess && entries.length === 0 && <EmptyState>{t('timeline.empty')}</EmptyState>}
      {entries.map((entry) => (
        <TimelineEntryView key={`${entry.kind}-${entry.id}`} entry={entry} collection={RESOURCE[entity.type]} />
      ))}
      <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
    </Stack>
  );
}
