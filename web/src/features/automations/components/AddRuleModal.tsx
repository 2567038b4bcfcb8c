// Adds a rule to one stage: the action (from ACTION_KINDS, each with its own fields), an
// optional delay and an optional condition on the budget or a tag.
import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { FormError } from '@/ui/FormError';
import { ACTION_KINDS, buildCondition, CONDITION_KINDS, type ConditionKind, type FieldInput } from '@/features/automations/actionKinds';
import { useAutomationChanges } from '@/features/automations/hooks/useAutomations';

interface Props {
  pipeline: { id: string; stages: { id: string; name: string }[] };
  stage: { id: string; name: string };
  onClose(): void;
}

function useTaskTypeOptions() {
  const types = useQuery({
    queryKey: ['task-types'],
    queryFn: ({ signal }) => fetchAllPages((page) => api.taskTypes.list(page, { signal })),
    staleTime: 10 * 60_000,
  });
  return (types.data ?? []).map((t) => ({ value: t.id, label: t.name }));
}

export function AddRuleModal({ pipeline, stage, onClose }: Props) {
  const { t } = useTranslation();
  const { create } = useAutomationChanges();
  const taskTypes = useTaskTypeOptions();
  const [type, setType] = useState(ACTION_KINDS[0]!.type);
  const [values, setValues] = useState<Record<string, string>>({});
  const [delay, setDelay] = useState<number | ''>('');
  const [conditionKind, setConditionKind] = useState<ConditionKind>('none');
  const [conditionValue, setConditionValue] = useState('');
  const kind = ACTION_KINDS.find((k) => k.type === type)!;
  const set = (name: string) => (value: string | null) => setValues((v) => ({ ...v, [name]: value ?? '' }));
  const complete = kind.fields.every((f) => (values[f.name] ?? '').trim() !== '') && (conditionKind === 'none' || conditionValue.trim());

  const input = (name: string, how: FieldInput) => {
    const common = { key: name, label: t(`automations.fields.${name}`), required: true };
    const value = values[name] ?? '';
    if (how === 'taskType') return <Select {...common} data={taskTypes} value={value || null} onChange={set(name)} />;
    if (how === 'user') return <ResponsibleSelect {...common} value={value || null} onChange={set(name)} />;
    if (how === 'stage')
      return (
        <Select
          {...common}
          data={pipeline.stages.filter((s) => s.id !== stage.id).map((s) => ({ value: s.id, label: s.name }))}
          value={value || null}
          onChange={set(name)}
        />
      );
    if (how === 'minutes')
      return <NumberInput {...common} min={0} value={value === '' ? '' : Number(value)} onChange={(n) => set(name)(String(n))} />;
    return <TextInput {...common} type={how === 'url' ? 'url' : 'text'} value={value} onChange={(e) => set(name)(e.currentTarget.value)} />;
  };

  return (
    <Modal opened onClose={onClose} title={t('automations.addTo', { stage: stage.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              pipelineId: pipeline.id,
              stageId: stage.id,
              action: kind.build(values),
              ...(delay !== '' && delay > 0 && { delayMinutes: delay }),
              ...(conditionKind !== 'none' && { condition: buildCondition(conditionKind, conditionValue) }),
            },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('automations.action')}
            data={ACTION_KINDS.map((k) => ({ value: k.type, label: t(`automations.kinds.${k.type}`) }))}
            value={type}
            onChange={(v) => {
              if (!v) return;
              setType(v as typeof type);
              setValues({});
            }}
            allowDeselect={false}
          />
          {kind.fields.map((f) => input(f.name, f.input))}
          <NumberInput label={t('automations.delay')} min={1} value={delay} onChange={(n) => setDelay(n === '' ? '' : Number(n))} />
          <Select
            label={t('automations.condition')}
            data={CONDITION_KINDS.map((c) => ({ value: c, label: t(`automations.conditions.${c}`) }))}
            value={conditionKind}
            onChange={(v) => v && setConditionKind(v as ConditionKind)}
            allowDeselect={false}
          />
          {conditionKind !== 'none' &&
            (conditionKind === 'has_tag' ? (
              <TextInput
                label={t('automations.fields.tag')}
                value={conditionValue}
                onChange={(e) => setConditionValue(e.currentTarget.value)}
              />
            ) : (
              <NumberInput
                label={t('automations.budget')}
                min={0}
                value={conditionValue === '' ? '' : Number(conditionValue)}
                onChange={(n) => setConditionValue(String(n))}
              />
            ))}
          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!complete} loading={create.isPending}>
              {t('common.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
