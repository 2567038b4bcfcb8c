// A lead as a card in its kanban column: name, budget, responsible, tags.
import { forwardRef, type HTMLAttributes } from 'react';
import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Lead } from '@/api/types';
import { useFormat } from '@/session/useFormat';
import { useUserNames } from '@/reference/useUsers';
import classes from './Kanban.module.css';

interface Props extends HTMLAttributes<HTMLElement> {
  lead: Lead;
  dragging?: boolean;
  overlay?: boolean;
}

export const LeadTile = forwardRef<HTMLElement, Props>(function LeadTile({ lead, dragging, overlay, className, ...rest }, ref) {
  const format = useFormat();
  const userName = useUserNames();
  return (
    <Paper
      ref={ref}
      component="article"
      withBorder
      p="xs"
      className={`${classes.tile} ${overlay ? classes.overlay : ''} crm-lazy-card ${className ?? ''}`}
      data-dragging={dragging ? 'true' : undefined}
      data-lead-id={lead.id}
      {...rest}
    >
      <Anchor component={Link} to={`/leads/${lead.id}`} fw={600} size="sm" c="dark" lineClamp={2}>
        {lead.name}
      </Anchor>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {format.money(lead.price)}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {userName(lead.responsibleUserId)}
        </Text>
      </Group>
      {lead.tags.length > 0 && (
        <Group gap={4} mt={6}>
          {lead.tags.slice(0, 3).map((tag) => (
            <Badge key={tag} size="xs" variant="light" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
});
