// The open stages of a pipeline in their order, reordered by dragging a handle (or with the
// keyboard: Space, arrows, Space), then won and lost, which stay at the end.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Center, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconGripVertical, IconLock, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '@/api/types';
import { ColorPicker } from './ColorPicker';
import { NameInput } from './NameInput';

interface Props {
  pipeline: Pipeline;
  counts: Map<string, number>;
  onPatch: (stageId: string, patch: { name?: string; color?: string }) => void;
  onReorder: (order: string[]) => void;
  onDelete: (stage: Stage) => void;
}

export function StageList({ pipeline, counts, onPatch, onReorder, onDelete }: Props) {
  const { t } = useTranslation();
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const closing = pipeline.stages.filter((s) => s.type !== 'open');
  // The order shown while the server takes the new one: a dropped stage does not jump back.
  const [pending, setPending] = useState<{ version: number; order: string[] } | null>(null);
  const order = pending?.version === pipeline.version ? pending.order : open.map((s) => s.id);
  const byId = new Map(open.map((s) => [s.id, s]));
  const shown = order.map((id) => byId.get(id)).filter((s): s is Stage => !!s);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: unknown) => byId.get(String(id))?.name ?? '';
  const position = (id: unknown) => order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('adminEditors.pipelines.drag.picked', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) =>
      t('adminEditors.pipelines.drag.over', { name: nameOf(active.id), position: position(over?.id ?? active.id), total: order.length }),
    onDragEnd: ({ active, over }) =>
      t('adminEditors.pipelines.drag.dropped', { name: nameOf(active.id), position: position(over?.id ?? active.id), total: order.length }),
    onDragCancel: ({ active }) => t('adminEditors.pipelines.drag.cancelled', { name: nameOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setPending({ version: pipeline.version, order: next });
    onReorder(next);
  };
  const row = (stage: Stage, handle: ReactNode) => (
    <StageRow
      stage={stage}
      count={counts.get(stage.id) ?? 0}
      movingToName={pipeline.stages.find((s) => s.id === stage.movingTo)?.name}
      handle={handle}
      onPatch={(patch) => onPatch(stage.id, patch)}
      onDelete={() => onDelete(stage)}
    />
  );
  return (
    <Stack gap={6} data-testid="stage-list">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('adminEditors.pipelines.drag.instructions') } }}
      >
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          {shown.map((stage) => (
            <SortableStage key={stage.id} stage={stage} disabled={!!stage.movingTo}>
              {(handle) => row(stage, handle)}
            </SortableStage>
          ))}
        </SortableContext>
      </DndContext>
      {closing.map((stage) =>
        row(
          stage,
          <Center w={28} c="dimmed">
            <IconLock size={16} aria-hidden />
            <VisuallyHidden>{t('adminEditors.pipelines.fixed')}</VisuallyHidden>
          </Center>,
        ),
      )}
    </Stack>
  );
}

function SortableStage({ stage, disabled, children }: { stage: Stage; disabled: boolean; children: (handle: ReactNode) => ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    disabled,
  });
  const handle = (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      style={{ cursor: disabled ? 'default' : 'grab', touchAction: 'none' }}
      {...attributes}
      {...listeners}
      aria-label={t('adminEditors.pipelines.move', { name: stage.name })}
    >
      <IconGripVertical size={16} aria-hidden />
    </ActionIcon>
  );
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition, zIndex: isDragging ? 1 : undefined, position: 'relative' }}
    >
      {children(handle)}
    </div>
  );
}

function StageRow({
  stage,
  count,
  movingToName,
  handle,
  onPatch,
  onDelete,
}: {
  stage: Stage;
  count: number;
  movingToName?: string;
  handle: ReactNode;
  onPatch: (patch: { name?: string; color?: string }) => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const removing = !!stage.movingTo;
  return (
    <Paper withBorder p={6} data-stage-row={stage.id} data-stage-type={stage.type} style={{ borderLeft: `4px solid ${stage.color}` }}>
      <Group gap="xs" wrap="nowrap">
        {handle}
        <ColorPicker value={stage.color} label={t('adminEditors.colorOf', { name: stage.name })} onChange={(color) => onPatch({ color })} />
        <NameInput
          value={stage.name}
          label={t('adminEditors.rename', { name: stage.name })}
          disabled={removing}
          onSave={(name) => onPatch({ name })}
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('adminEditors.pipelines.leads', { count })}
        </Text>
        {removing && (
          <Badge color="orange" variant="light">
            {t('adminEditors.pipelines.removing', { stage: movingToName ?? '' })}
          </Badge>
        )}
        {stage.type === 'open' && (
          <ActionIcon
            variant="subtle"
            color="red"
            disabled={removing}
            aria-label={t('adminEditors.deleteNamed', { name: stage.name })}
            onClick={onDelete}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </Paper>
  );
}
