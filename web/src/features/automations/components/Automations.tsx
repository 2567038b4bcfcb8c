// Settings > Automations: a pipeline's stages as columns (amoCRM's digital pipeline), each with
// its rules; a rule of any action kind is added from the stage's column.
import { useState } from 'react';
import { Button, Card, Group, Paper, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '@/reference/usePipelines';
import { AddRuleModal } from '@/features/automations/components/AddRuleModal';
import { ErrorState, LoadingState } from '@/ui/states';
import { useAutomationChanges, useAutomations } from '@/features/automations/hooks/useAutomations';

type Rule = NonNullable<ReturnType<typeof useAutomations>['data']>[number];
type Pipeline = NonNullable<ReturnType<typeof usePipelines>['data']>[number];

function useDescribe() {
  const { t } = useTranslation();
  return (r: Rule) => {
    // Each action's words take its own fields (`{{text}}`, `{{tag}}`, `{{url}}`).
    const what = t(`automations.actions.${r.action.type}`, r.action as Record<string, unknown>);
    const c = r.condition;
    const when = !c
      ? ''
      : c.type === 'has_tag'
        ? t('automations.conditions.with_tag', { tag: c.tag })
        : t(c.op === '>=' ? 'automations.conditions.budget_from' : 'automations.conditions.budget_to', { value: c.value });
    return [what, r.delayMinutes ? t('automations.after', { minutes: r.delayMinutes }) : '', when].filter(Boolean).join(' · ');
  };
}

function StageColumn({ pipeline, stage, rules }: { pipeline: Pipeline; stage: { id: string; name: string }; rules: Rule[] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const { remove } = useAutomationChanges();
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder w={240} miw={240} component="section" aria-label={stage.name}>
      <Title order={3} size="h5" mb="xs">
        {stage.name}
      </Title>
      <Stack gap={6}>
        {rules.map((r) => (
          <Paper key={r.id} withBorder p={6}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {describe(r)}
            </Text>
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(r.id)}>
              {t('common.delete')}
            </Button>
          </Paper>
        ))}
        <Button size="xs" variant="light" onClick={() => setAdding(true)} aria-label={t('automations.addTo', { stage: stage.name })}>
          {t('automations.add')}
        </Button>
        {adding && <AddRuleModal pipeline={pipeline} stage={stage} onClose={() => setAdding(false)} />}
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
              <StageColumn key={s.id} pipeline={pipeline} stage={s} rules={rules.data.filter((r) => r.stageId === s.id)} />
            ))}
          </Group>
        </ScrollArea>
      )}
    </Stack>
  );
}
