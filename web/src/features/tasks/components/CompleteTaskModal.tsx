import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '@/api/types';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { useCompleteTask } from '@/features/tasks/hooks/useTasks';

/** Completing a task, with what came of it. */
export function CompleteTaskModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const [result, setResult] = useState('');
  const submit = async () => {
    await complete.mutateAsync({ task, result: result.trim() || undefined });
    notifySuccess(t('tasks.completed'));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('tasks.completeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit().catch(() => {});
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{task.text}</Text>
          <FormError error={complete.error} />
          <Textarea
            label={t('tasks.result')}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal.9" loading={complete.isPending}>
              {t('tasks.complete')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
