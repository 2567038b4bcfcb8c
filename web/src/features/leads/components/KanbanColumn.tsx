// One stage of the board: header with colour, count and sum; its leads, loaded as you scroll.
import { useCallback } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@/api/types';
import { LoadMore } from '@/ui/LoadMore';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { itemsOf } from '@/api/queries';
import { useStageLeads, type LeadListFilters } from '@/features/leads/hooks/useLeads';
import { DraggableLeadTile } from './DraggableLeadTile';
import classes from './Kanban.module.css';
import { QuickAddLead } from './QuickAddLead';
import { StageTotals } from './StageTotals';

interface Props {
  pipelineId: string;
  stage: Stage;
  /** The stage's count and sum from the server; without them, what is loaded so far. */
  totals?: { count: number; amount: number };
  /** Only the leads matching these are shown (and counted from what is loaded). */
  filters?: LeadListFilters;
}

export function KanbanColumn({ pipelineId, stage, totals, filters }: Props) {
  const { t } = useTranslation();
  const leadsQuery = useStageLeads(pipelineId, stage.id, filters);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const leads = itemsOf(leadsQuery.data);
  const loadedAmount = leads.reduce((sum, l) => sum + (l.price ?? 0), 0);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = leadsQuery;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      data-over={isOver ? 'true' : undefined}
      data-stage-id={stage.id}
      aria-labelledby={`stage-${stage.id}`}
      style={{ '--stage-color': stage.color } as React.CSSProperties}
    >
      <header className={classes.columnHeader}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text id={`stage-${stage.id}`} component="h2" fw={700} size="sm" truncate tt="uppercase">
            {stage.name}
          </Text>
        </Group>
        {totals ? (
          <StageTotals count={totals.count} amount={totals.amount} more={false} />
        ) : (
          <StageTotals count={leads.length} amount={loadedAmount} more={Boolean(hasNextPage)} filtered={Boolean(filters)} />
        )}
      </header>
      {stage.type === 'open' && <QuickAddLead pipelineId={pipelineId} stageId={stage.id} />}
      <div className={classes.columnBody}>
        {leadsQuery.isPending && <LoadingState />}
        {leadsQuery.isError && <ErrorState error={leadsQuery.error} onRetry={() => void leadsQuery.refetch()} />}
        {leadsQuery.isSuccess && leads.length === 0 && <EmptyState>{t('leads.emptyStage')}</EmptyState>}
        {leads.map((lead) => (
          <DraggableLeadTile key={lead.id} lead={lead} />
        ))}
        <LoadMore hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onLoadMore={loadMore} />
      </div>
    </section>
  );
}
