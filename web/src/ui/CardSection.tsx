// One block of a record's card (its tasks, leads, people): a title with "add", then loading,
// failure, emptiness or the rows, and the create dialog while adding.
import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { EmptyState, ErrorState, LoadingState } from './states';

interface Props {
  title: string;
  addLabel: string;
  /** The create dialog, shown while adding; `close` hides it. */
  addDialog: (close: () => void) => ReactNode;
  rows: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown; refetch: () => unknown };
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}

export function CardSection({ title, addLabel, addDialog, rows, isEmpty, emptyText, children }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
          {addLabel}
        </Button>
      </Group>
      {rows.isPending && <LoadingState />}
      {rows.isError && <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.isSuccess && isEmpty && <EmptyState>{emptyText}</EmptyState>}
      {children}
      {adding && addDialog(() => setAdding(false))}
    </Stack>
  );
}
