// The pipelines editor: pick a pipeline, rename it, add one; its stages are edited in place
// (name, colour, order, delete) and a new stage goes before won and lost.
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@/api/types';
import { usePipelines } from '@/reference/usePipelines';
import { useErrorMessage } from '@/ui/errors';
import { notifyError, notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';
import { usePipelineEditor, useStageCounts } from '@/features/admin-editors/hooks/usePipelineEditor';
import { AddColored } from './AddColored';
import { PALETTE } from './ColorPicker';
import { DeleteStageModal } from './DeleteStageModal';
import { NameInput } from './NameInput';
import { StageList } from './StageList';

/** While leads move out of a stage being removed, the stage and the counts are read again this often. */
const REMOVAL_POLL_MS = 1500;

export function PipelinesEditor() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const pipelines = usePipelines();
  const edit = usePipelineEditor();
  const [selected, setSelected] = useState<string | null>(null);
  const pipeline = pipelines.data?.find((p) => p.id === selected) ?? pipelines.data?.[0];
  const removing = !!pipeline?.stages.some((s) => s.movingTo);
  const totals = useStageCounts(pipeline?.id, removing ? REMOVAL_POLL_MS : false);
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const { refetch } = pipelines;
  useEffect(() => {
    if (!removing) return;
    const timer = setInterval(() => void refetch(), REMOVAL_POLL_MS);
    return () => clearInterval(timer);
  }, [removing, refetch]);
  if (pipelines.isPending) return <LoadingState />;
  if (pipelines.isError || !pipeline) return <ErrorState error={pipelines.error} onRetry={() => void refetch()} />;
  const counts = new Map((totals.data?.stages ?? []).map((s) => [s.stageId, s.count]));
  const failed = (e: unknown) => notifyError(message(e));
  return (
    <Stack gap="md" maw={720}>
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('adminEditors.pipelines.pipeline')}
            data={pipelines.data.map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline.id}
            onChange={setSelected}
            allowDeselect={false}
            w={240}
          />
          <Stack gap={4} style={{ flex: 1 }}>
            <Text size="sm" fw={500} component="span">
              {t('adminEditors.pipelines.pipelineName')}
            </Text>
            <NameInput
              value={pipeline.name}
              label={t('adminEditors.pipelines.pipelineName')}
              onSave={(name) => edit.renamePipeline.mutate({ id: pipeline.id, name }, { onError: failed })}
            />
          </Stack>
        </Group>
        <AddPipeline onAdded={setSelected} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb={4}>
          {t('adminEditors.pipelines.stages')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('adminEditors.pipelines.stagesHint')}
        </Text>
        <StageList
          pipeline={pipeline}
          counts={counts}
          onPatch={(stageId, patch) => edit.patchStage.mutate({ id: pipeline.id, stageId, ...patch }, { onError: failed })}
          onReorder={(order) => edit.reorder.mutate({ pipeline, order }, { onError: failed })}
          onDelete={setDeleting}
        />
        <AddStage pipelineId={pipeline.id} />
      </Paper>
      <DeleteStageModal
        key={deleting?.id}
        pipeline={pipeline}
        stage={deleting}
        count={deleting ? (counts.get(deleting.id) ?? 0) : 0}
        loading={edit.deleteStage.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={(moveToStageId) => {
          const stage = deleting!;
          edit.deleteStage.mutate(
            { id: pipeline.id, stageId: stage.id, moveToStageId },
            {
              onSuccess: () => {
                setDeleting(null);
                notifySuccess(
                  t(moveToStageId ? 'adminEditors.pipelines.removalStarted' : 'adminEditors.pipelines.deleted', { name: stage.name }),
                );
              },
              onError: failed,
            },
          );
        }}
      />
    </Stack>
  );
}

function AddStage({ pipelineId }: { pipelineId: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { addStage } = usePipelineEditor();
  return (
    <AddColored
      label={t('adminEditors.pipelines.newStage')}
      button={t('adminEditors.pipelines.addStage')}
      initialColor={PALETTE[0]}
      maxLength={200}
      loading={addStage.isPending}
      onAdd={(input, done) => addStage.mutate({ id: pipelineId, ...input }, { onSuccess: done, onError: (e) => notifyError(message(e)) })}
    />
  );
}

function AddPipeline({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { createPipeline } = usePipelineEditor();
  const [name, setName] = useState('');
  const [stage, setStage] = useState('');
  const submit = () => {
    if (!name.trim() || !stage.trim()) return;
    createPipeline.mutate(
      { name: name.trim(), stage: stage.trim() },
      {
        onSuccess: (p) => {
          setName('');
          setStage('');
          onAdded(p.id);
          notifySuccess(t('adminEditors.pipelines.created', { name: p.name }));
        },
        onError: (e) => notifyError(message(e)),
      },
    );
  };
  return (
    <Group mt="md" gap="xs" align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), submit())}>
      <TextInput
        size="xs"
        label={t('adminEditors.pipelines.newPipeline')}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <TextInput
        size="xs"
        label={t('adminEditors.pipelines.firstStage')}
        value={stage}
        maxLength={200}
        onChange={(e) => setStage(e.currentTarget.value)}
      />
      <Button
        size="xs"
        type="submit"
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden />}
        loading={createPipeline.isPending}
        disabled={!name.trim() || !stage.trim()}
      >
        {t('adminEditors.pipelines.addPipeline')}
      </Button>
    </Group>
  );
}
