// Settings > Automations: a pipeline's stages as columns (amoCRM's digital pipeline), each with
// its rules; a tag rule can be added in place.
import { useState } from 'react';
import { Button, Card, Group, Paper, ScrollArea, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '@/reference/usePipelines';
import { FormError } from '@/ui/FormError';
import { ErrorState, LoadingState } from '@/ui/states';
import { useAutomationChanges, useAutomations } from '@/features/automations/hooks/useAutomations';

type Rule = NonNullable<ReturnType<typeof useAutomations>['data']>[number];

function useDescribe() {
  const { t } = useTranslation();
  return (r: Rule) => {
    const a = r.action;
    const what =
      a.type === 'create_task'
        ? t('automations.actions.create_task', { text: a.text })
        : a.type === 'add_tag'
          ? t('automations.actions.add_tag', { tag: a.tag })
          : a.type === 'webhook'
            ? t('automations.actions.webhook', { url: a.url })
            : t(`automations.actions.${a.type}`);
    return r.delayMinutes ? `${what} · ${t('automations.after', { minutes: r.delayMinutes })}` : what;
  };
}

function StageColumn({ pipelineId, stage, rules }: { pipelineId: string; stage: { id: string; name: string }; rules: Rule[] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const { create, remove } = useAutomationChanges();
  const [tag, setTag] = useState('');
  return (
    <Card withBorder w={240} miw={240} component="section" aria-label={stage.name}>
      <Title order={3} size="h5" mb="xs">
        {stage.name}
      </Title>
      <Stack gap={6}>
        {rules.map((r) => (
          <Paper key={r.id} withBorder p={6}>
            <Text size="sm">{describe(r)}</Text>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(r.id)}>
              {t('common.delete')}
            </Button>
          </Paper>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ pipelineId, stageId: stage.id, action: { type: 'add_tag', tag } }, { onSuccess: () => setTag('') });
          }}
        >
          <Group gap={4} wrap="nowrap" align="flex-end">
            <TextInput
              size="xs"
              label={t('automations.tagLabel', { stage: stage.name })}
              value={tag}
              onChange={(e) => setTag(e.currentTarget.value)}
            />
            <Button size="xs" type="submit" disabled={!tag.trim()} loading={create.isPending}>
              {t('common.add')}
            </Button>
          </Group>
        </form>
        <FormError error={create.error} />
      </Stack>
    </Card>
  );
}

export function Automations() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [chosen, setChosen] = useState<string | null>(null);
  const pipeline = pipelines.data?.find((p) => p.id === chosen) ?? pipelines.data?.[0];
  const rules = useAutomations(pipeline?.id ?? null);
  if (pipelines.isPending) return <LoadingState />;
  if (pipelines.isError) return <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('automations.title')}
      </Title>
      <Select
        label={t('automations.pipeline')}
        maw={320}
        data={pipelines.data.map((p) => ({ value: p.id, label: p.name }))}
        value={pipeline?.id ?? null}
        onChange={setChosen}
        allowDeselect={false}
      />
      {rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : !pipeline || rules.isPending ? (
        <LoadingState />
      ) : (
        <ScrollArea>
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {pipeline.stages.map((s) => (
              <StageColumn key={s.id} pipelineId={pipeline.id} stage={s} rules={rules.data.filter((r) => r.stageId === s.id)} />
            ))}
          </Group>
        </ScrollArea>
      )}
    </Stack>
  );
}
