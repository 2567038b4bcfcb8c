import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Lead } from '@/api/types';
import { LeadTile } from './LeadTile';

export function DraggableLeadTile({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: lead.id,
    data: { lead },
    // An article, not a button: the tile holds a link to the lead card.
    attributes: { role: 'article', roleDescription: t('leads.draggableCard') },
  });
  return <LeadTile ref={setNodeRef} lead={lead} dragging={isDragging} {...attributes} {...listeners} />;
}
