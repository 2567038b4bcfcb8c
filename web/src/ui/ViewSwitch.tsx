// Two or more views of the same records (kanban or list, list or calendar), as linked buttons.
import type { ReactNode } from 'react';
import { Button } from '@mantine/core';
import { Link } from 'react-router';

export interface View {
  to: string;
  label: string;
  icon: ReactNode;
}

export function ViewSwitch({ views, active }: { views: View[]; active: string }) {
  return (
    <Button.Group>
      {views.map((view) => (
        <Button
          key={view.to}
          component={Link}
          to={view.to}
          size="xs"
          variant={view.to === active ? 'filled' : 'default'}
          leftSection={view.icon}
          aria-current={view.to === active ? 'page' : undefined}
        >
          {view.label}
        </Button>
      ))}
    </Button.Group>
  );
}
