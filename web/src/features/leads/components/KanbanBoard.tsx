// The pipeline as columns of stages; dragging a lead to another column moves it there.
import { lazy, Suspense, useState } from 'react';
import {
  DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import type { Lead, Pipeline, Stage } from '@/api/types';
import { useMoveLeadToStage } from '@/features/leads/hooks/useMoveLeadToStage';
import { usePipelineTotals } from '@/features/leads/hooks/usePipelineTotals';
import classes from './Kanban.module.css';
import { KanbanColumn } from './KanbanColumn';
import { LeadTile } from './LeadTile';

const LossReasonModal = lazy(() => import('./LossReasonModal'));

export function KanbanBoard({ pipeline }: { pipeline: Pipeline }) {
  const move = useMoveLeadToStage();
  const totals = usePipelineTotals(pipeline.id);
  const [dragged, setDragged] = useState<Lead | null>(null);
  const [closingAsLost, setClosingAsLost] = useState<{ lead: Lead; stage: Stage } | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 220, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );

  const onDragStart = (e: DragStartEvent) => setDragged((e.active.data.current?.lead as Lead) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null);
    const lead = e.active.data.current?.lead as Lead | undefined;
    const stage = e.over?.data.current?.stage as Stage | undefined;
    if (!lead || !stage || stage.id === lead.stageId) return;
    if (stage.type === 'lost') setClosingAsLost({ lead, stage });
    else move.mutate({ lead, stage });
  };

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)}>
      <div className={classes.board} data-testid="kanban-board">
        {pipeline.stages.map((stage) => (
          <KanbanColumn key={stage.id} pipelineId={pipeline.id} stage={stage} totals={totals.data?.stages.find((s) => s.stageId === stage.id)} />
        ))}
      </div>
      <DragOverlay>{dragged && <LeadTile lead={dragged} overlay />}</DragOverlay>
      {closingAsLost && (
        <Suspense fallback={null}>
        <LossReasonModal
          leadName={closingAsLost.lead.name}
          onCancel={() => setClosingAsLost(null)}
          onConfirm={(lossReason) => {
            move.mutate({ ...closingAsLost, lossReason: lossReason || undefined });
            setClosingAsLost(null);
          }}
        />
        </Suspense>
      )}
    </DndContext>
  );
}
