// How the board drags: edge-only auto-scroll, arrow keys that jump a column, and what a
// screen reader hears (lead and stage names, in the UI's language, never ids).
import {
  AutoScrollActivator,
  KeyboardCode,
  type Announcements,
  type AutoScrollOptions,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { Lead, Stage } from '@/api/types';

/** Width of the band at the board's edges where a held tile scrolls it. */
const EDGE_PX = 48;

/**
 * The pointer (not the dragged tile, which is as wide as a column) must be within EDGE_PX of
 * the board's edge: holding over a fully visible column never scrolls it away.
 */
export function edgeAutoScroll(boardWidth: number): AutoScrollOptions {
  const x = boardWidth > 0 ? Math.min(0.2, EDGE_PX / boardWidth) : 0.05;
  return { activator: AutoScrollActivator.Pointer, threshold: { x, y: 0.1 }, acceleration: 6 };
}

/** Left and right arrows move a held tile to the neighbouring column; up and down are not used. */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  const { collisionRect, droppableRects } = context;
  if (step === 0 || !collisionRect) return undefined;
  event.preventDefault();
  const lefts = [...droppableRects.values()].map((r) => r.left).sort((a, b) => a - b);
  const here = collisionRect.left + collisionRect.width / 2;
  const next = step > 0 ? lefts.find((left) => left > here) : lefts.filter((left) => left + 8 < collisionRect.left).pop();
  if (next === undefined) return currentCoordinates;
  return { x: currentCoordinates.x + (next + 8 - collisionRect.left), y: currentCoordinates.y };
};

const leadOf = (data: { current?: Record<string, unknown> } | undefined) => (data?.current?.lead as Lead | undefined)?.name ?? '';
const stageOf = (data: { current?: Record<string, unknown> } | undefined) => (data?.current?.stage as Stage | undefined)?.name;

export function dragAnnouncements(t: TFunction): Announcements {
  return {
    onDragStart: ({ active }) => t('leads.drag.picked', { name: leadOf(active.data) }),
    onDragOver: ({ active, over }) => {
      const stage = stageOf(over?.data);
      const name = leadOf(active.data);
      return stage ? t('leads.drag.over', { name, stage }) : t('leads.drag.outside', { name });
    },
    onDragEnd: ({ active, over }) => {
      const stage = stageOf(over?.data);
      const name = leadOf(active.data);
      return stage ? t('leads.drag.dropped', { name, stage }) : t('leads.drag.cancelled', { name });
    },
    onDragCancel: ({ active }) => t('leads.drag.cancelled', { name: leadOf(active.data) }),
  };
}

export const dragInstructions = (t: TFunction): ScreenReaderInstructions => ({ draggable: t('leads.drag.instructions') });

/** After a drop the tile is drawn anew in its column: focus it there once it shows up. */
export function focusTileWhenShown(board: HTMLElement | null, leadId: string, stageId: string) {
  const inStage = `section[data-stage-id="${CSS.escape(stageId)}"] [data-lead-id="${CSS.escape(leadId)}"]`;
  let frames = 0;
  const attempt = () => {
    // Past a second, wherever it is: a refused move puts it back in its column.
    const anywhere = frames > 60 ? board?.querySelector<HTMLElement>(`[data-lead-id="${CSS.escape(leadId)}"]`) : null;
    const tile = board?.querySelector<HTMLElement>(inStage) ?? anywhere;
    if (tile) tile.focus();
    else if (frames++ < 120) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
