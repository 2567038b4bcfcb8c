import type { ReactNode } from 'react';
import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';

export function StatCard({
  label,
  value,
  hint,
  to,
  danger,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  to: string;
  danger?: boolean;
}) {
  return (
    <Paper withBorder p="md">
      <Anchor component={Link} to={to} underline="hover" c="dimmed" size="sm" fw={500}>
        {label}
      </Anchor>
      <Text fz={28} fw={700} c={danger ? 'red.8' : undefined} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
