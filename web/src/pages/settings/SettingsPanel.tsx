// One settings section's frame: its title over its content.
import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

export function SettingsPanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
