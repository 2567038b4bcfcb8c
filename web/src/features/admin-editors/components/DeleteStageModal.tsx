// Deleting a stage: an empty one goes at once; one with leads asks where they go (another stage
// of the same pipeline) and they move in the background.
import { Button, Group, Modal, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '@/api/types';

interface Props {
  pipeline: Pipeline;
  stage: Stage | null;
  count: number;
  loading: boolean;
  onClose: () => void;
  onConfirm: (moveToStageId?: string) => void;
}

export function DeleteStageModal({ pipeline, stage, count, loading, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const targets = pipeline.stages.filter((s) => s.id !== stage?.id && !s.movingTo);
  const [target, setTarget] = useState<string | null>(null);
  const chosen = target && targets.some((s) => s.id === target) ? target : (targets[0]?.id ?? null);
  return (
    <Modal
      opened={!!stage}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
      title={stage ? t('adminEditors.pipelines.deleteTitle', { name: stage.name }) : ''}
    >
      {count === 0 ? (
        <Text size="sm">{t('adminEditors.pipelines.deleteEmpty')}</Text>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {t('adminEditors.pipelines.deleteWithLeads', { count })}
          </Text>
          <Select
            label={t('adminEditors.pipelines.moveTo')}
            data={targets.map((s) => ({ value: s.id, label: s.name }))}
            value={chosen}
            onChange={setTarget}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={loading} disabled={count > 0 && !chosen} onClick={() => onConfirm(count > 0 ? chosen! : undefined)}>
          {t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
