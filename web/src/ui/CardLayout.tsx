// The layout of a lead, contact or company card: fields on the left, activity on the right,
// one column on a phone.
import type { ReactNode } from 'react';
import { Anchor, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Props {
  back: { to: string; label: string };
  title: string;
  actions?: ReactNode;
  side: ReactNode[];
  main: ReactNode[];
}

export function CardLayout({ back, title, actions, side, main }: Props) {
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={back.to} size="sm">
          <Group gap={2} component="span">
            <IconChevronLeft size={14} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
        <Group justify="space-between" mt={4} gap="xs">
          <Title order={1} size="h2" style={{ wordBreak: 'break-word' }}>
            {title}
          </Title>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {side.map((s, i) => (
              <Paper key={i} withBorder p="md">
                {s}
              </Paper>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {main.map((m, i) => (
              <Paper key={i} withBorder p="md">
                {m}
              </Paper>
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
