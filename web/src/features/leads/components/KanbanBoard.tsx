// The pipeline as columns of stages; dragging a lead to another column moves it there.
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Lead, Pipeline, Stage } from '@/api/types';
import type { LeadListFilters } from '@/features/leads/hooks/useLeads';
import { useMoveLeadToStage } from '@/features/leads/hooks/useMoveLeadToStage';
import { usePipelineTotals } from '@/features/leads/hooks/usePipelineTotals';
import classes from './Kanban.module.css';
import { columnKeyboardCoordinates, dragAnnouncements, dragInstructions, edgeAutoScroll, focusTileWhenShown } from './kanbanDrag';
import { KanbanColumn } from './KanbanColumn';
import { LeadTile } from './LeadTile';

const LossReasonModal = lazy(() => import('./LossReasonModal'));

interface Props {
  pipeline: Pipeline;
  /** The board's filters; with any, the column headers count only the matching leads loaded. */
  filters?: LeadListFilters;
}

export function KanbanBoard({ pipeline, filters }: Props) {
  const { t } = useTranslation();
  const move = useMoveLeadToStage();
  const totals = usePipelineTotals(pipeline.id);
  const board = useRef<HTMLDivElement>(null);
  const [dragged, setDragged] = useState<Lead | null>(null);
  const [boardWidth, setBoardWidth] = useState(0);
  const [closingAsLost, setClosingAsLost] = useState<{ lead: Lead; stage: Stage } | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const accessibility = useMemo(() => ({ announcements: dragAnnouncements(t), screenReaderInstructions: dragInstructions(t) }), [t]);
  const active = filters && Object.values(filters).some(Boolean) ? filters : undefined;

  const moveAndFocus = (lead: Lead, stage: Stage, lossReason?: string) => {
    move.mutate({ lead, stage, lossReason, filters: active });
    focusTileWhenShown(board.current, lead.id, stage.id);
  };
  const onDragStart = (e: DragStartEvent) => {
    setBoardWidth(board.current?.clientWidth ?? 0);
    setDragged((e.active.data.current?.lead as Lead) ?? null);
  };
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null);
    const lead = e.active.data.current?.lead as Lead | undefined;
    const stage = e.over?.data.current?.stage as Stage | undefined;
    if (!lead || !stage || stage.id === lead.stageId) return;
    if (stage.type === 'lost') setClosingAsLost({ lead, stage });
    else moveAndFocus(lead, stage);
  };

  return (
    <DndContext
      sensors={sensors}
      autoScroll={edgeAutoScroll(boardWidth)}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <div ref={board} className={classes.board} data-testid="kanban-board" data-dragging={dragged ? 'true' : undefined}>
        {pipeline.stages.map((stage) => (
          <KanbanColumn
            key={stage.id}
            pipelineId={pipeline.id}
            stage={stage}
            filters={active}
            totals={active ? undefined : totals.data?.stages.find((s) => s.stageId === stage.id)}
          />
        ))}
      </div>
      <DragOverlay>{dragged && <LeadTile lead={dragged} overlay />}</DragOverlay>
      {closingAsLost && (
        <Suspense fallback={null}>
          <LossReasonModal
            leadName={closingAsLost.lead.name}
            onCancel={() => setClosingAsLost(null)}
            onConfirm={(lossReason) => {
              moveAndFocus(closingAsLost.lead, closingAsLost.stage, lossReason || undefined);
              setClosingAsLost(null);
            }}
          />
        </Suspense>
      )}
    </DndContext>
  );
}
