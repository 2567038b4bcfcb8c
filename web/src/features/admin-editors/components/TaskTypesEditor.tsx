// Task types: name and colour edited in place, added at the end, deleted when no open task uses one.
import { ActionIcon, Group, Paper, Stack } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import { useErrorMessage } from '@/ui/errors';
import { notifyError } from '@/ui/notify';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { AddColored } from './AddColored';
import { ColorPicker, PALETTE } from './ColorPicker';
import { NameInput } from './NameInput';

const KEY = ['task-types'];

export function TaskTypesEditor() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const qc = useQueryClient();
  const types = useQuery({ queryKey: KEY, queryFn: ({ signal }) => fetchAllPages((page) => api.taskTypes.list(page, { signal })) });
  const refresh = { onSettled: () => qc.invalidateQueries({ queryKey: KEY }), onError: (e: unknown) => notifyError(message(e)) };
  const patch = useMutation({
    mutationFn: (i: { id: string; name?: string; color?: string }) => api.taskTypes.patch({ id: i.id }, { name: i.name, color: i.color }),
    ...refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.taskTypes.delete({ id }), ...refresh });
  const create = useMutation({ mutationFn: (i: { name: string; color: string }) => api.taskTypes.create(i), ...refresh });
  if (types.isPending) return <LoadingState />;
  if (types.isError) return <ErrorState error={types.error} onRetry={() => void types.refetch()} />;
  return (
    <Stack gap={6} maw={560}>
      {types.data.length === 0 && <EmptyState>{t('adminEditors.taskTypes.empty')}</EmptyState>}
      {types.data.map((type) => (
        <Paper key={type.id} withBorder p={6} data-task-type={type.id} style={{ borderLeft: `4px solid ${type.color}` }}>
          <Group gap="xs" wrap="nowrap">
            <ColorPicker
              value={type.color}
              label={t('adminEditors.colorOf', { name: type.name })}
              onChange={(c) => patch.mutate({ id: type.id, color: c })}
            />
            <NameInput
              value={type.name}
              label={t('adminEditors.rename', { name: type.name })}
              onSave={(n) => patch.mutate({ id: type.id, name: n })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('adminEditors.deleteNamed', { name: type.name })}
              onClick={() => remove.mutate(type.id)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <AddColored
        label={t('adminEditors.taskTypes.newName')}
        button={t('adminEditors.taskTypes.add')}
        initialColor={PALETTE[1]}
        maxLength={100}
        loading={create.isPending}
        onAdd={(input, done) => create.mutate(input, { onSuccess: done })}
      />
    </Stack>
  );
}
