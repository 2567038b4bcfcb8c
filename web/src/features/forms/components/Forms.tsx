// Settings > Forms: make a web form (where its leads go, who takes them, how many posts a
// minute it takes), copy its embeddable snippet or open its hosted page, switch it off or delete it.
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formSnippet } from '@crm/contract/client';
import { apiOrigin, loadConfig } from '@/api/config';
import type { WebForm, WebFormCreate } from '@/api/types';
import { FormError } from '@/ui/FormError';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { usePipelines } from '@/reference/usePipelines';
import { useUsers } from '@/reference/useUsers';
import { useCreateForm, useDeleteForm, useForms, usePatchForm } from '@/features/forms/hooks/useForms';

type Responsible = 'none' | 'fixed' | 'round_robin';

/** The API's origin the snippet posts to (the app's own, unless config.json names another). */
function useApiBase() {
  const [base, setBase] = useState(window.location.origin);
  useEffect(() => {
    void loadConfig().then((c) => setBase(apiOrigin(c)));
  }, []);
  return base;
}

export function Forms() {
  const { t } = useTranslation();
  const forms = useForms();
  return (
    <Stack gap="md" maw={960}>
      <FormEditor />
      {forms.isPending ? (
        <LoadingState />
      ) : forms.isError ? (
        <ErrorState error={forms.error} onRetry={() => void forms.refetch()} />
      ) : forms.data.length === 0 ? (
        <EmptyState>{t('forms.none')}</EmptyState>
      ) : (
        forms.data.map((f) => <FormCard key={f.id} form={f} />)
      )}
    </Stack>
  );
}

/** Creates a form, or changes `form`. */
function FormEditor({ form, onDone }: { form?: WebForm; onDone?: () => void }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const users = useUsers();
  const create = useCreateForm();
  const patch = usePatchForm();
  const [name, setName] = useState(form?.name ?? '');
  const [pipelineId, setPipelineId] = useState<string | null>(form?.pipelineId ?? null);
  const [stageId, setStageId] = useState<string | null>(form?.stageId ?? null);
  const [responsible, setResponsible] = useState<Responsible>(form?.responsible?.type ?? 'none');
  const [userIds, setUserIds] = useState<string[]>(
    form?.responsible ? (form.responsible.type === 'fixed' ? [form.responsible.userId] : form.responsible.userIds) : [],
  );
  const [rateLimit, setRateLimit] = useState<number>(form?.rateLimit ?? 30);
  const [required, setRequired] = useState<string[]>(form ? form.fields.filter((f) => f.required).map((f) => f.key) : ['name', 'phone']);
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId);
  const activeUsers = (users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const fields = (form?.fields ?? DEFAULT_FIELDS).map((f) => ({ ...f, label: form ? f.label : t(`forms.fields.${f.key}`) }));

  const body: WebFormCreate = {
    name,
    rateLimit,
    fields: fields.map((f) => ({ ...f, required: required.includes(f.key) })),
    ...(pipelineId && { pipelineId }),
    ...(pipelineId && stageId && { stageId }),
    ...(responsible === 'fixed' && userIds[0] && { responsible: { type: 'fixed', userId: userIds[0] } }),
    ...(responsible === 'round_robin' && userIds.length > 0 && { responsible: { type: 'round_robin', userIds } }),
  };
  const save = () => {
    if (!form) return create.mutate(body, { onSuccess: () => setName('') });
    patch.mutate(
      {
        id: form.id,
        version: form.version,
        patch: { ...body, pipelineId: pipelineId ?? null, stageId: (pipelineId && stageId) || null, responsible: body.responsible ?? null },
      },
      { onSuccess: onDone },
    );
  };
  const mutation = form ? patch : create;

  return (
    <Paper withBorder p="md">
      {!form && (
        <>
          <Title order={2} size="h4" mb="xs">
            {t('forms.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('forms.hint')}
          </Text>
        </>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-end" grow>
            <TextInput label={t('forms.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            <NumberInput label={t('forms.rateLimit')} min={1} max={1000} value={rateLimit} onChange={(v) => setRateLimit(Number(v) || 1)} />
          </Group>
          <Group align="flex-end" grow>
            <Select
              label={t('forms.pipeline')}
              placeholder={t('forms.defaultPipeline')}
              clearable
              data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={pipelineId}
              onChange={(v) => {
                setPipelineId(v);
                setStageId(null);
              }}
            />
            <Select
              label={t('forms.stage')}
              placeholder={t('forms.firstStage')}
              clearable
              disabled={!pipeline}
              data={(pipeline?.stages ?? []).filter((s) => s.type === 'open').map((s) => ({ value: s.id, label: s.name }))}
              value={stageId}
              onChange={setStageId}
            />
          </Group>
          <Checkbox.Group label={t('forms.required')} value={required} onChange={setRequired}>
            <Group mt={4}>
              {fields.map((f) => (
                <Checkbox key={f.key} value={f.key} label={f.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`responsible-${form?.id ?? 'new'}`}>
              {t('forms.responsible')}
            </Text>
            <SegmentedControl
              aria-labelledby={`responsible-${form?.id ?? 'new'}`}
              value={responsible}
              onChange={(v) => setResponsible(v as Responsible)}
              data={(['none', 'fixed', 'round_robin'] as const).map((v) => ({ value: v, label: t(`forms.responsibleKinds.${v}`) }))}
            />
            {responsible === 'fixed' && (
              <Select
                aria-label={t('forms.responsibleUser')}
                data={activeUsers}
                value={userIds[0] ?? null}
                onChange={(v) => setUserIds(v ? [v] : [])}
              />
            )}
            {responsible === 'round_robin' && (
              <MultiSelect aria-label={t('forms.responsibleUsers')} data={activeUsers} value={userIds} onChange={setUserIds} />
            )}
          </Stack>
          <FormError error={mutation.error} />
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={!name.trim()}>
              {form ? t('forms.save') : t('forms.create')}
            </Button>
            {form && (
              <Button variant="subtle" onClick={onDone}>
                {t('forms.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const DEFAULT_FIELDS = [
  { key: 'name', label: 'Name', kind: 'name', required: true },
  { key: 'phone', label: 'Phone', kind: 'phone', required: true },
  { key: 'email', label: 'E-mail', kind: 'email', required: false },
  { key: 'message', label: 'Message', kind: 'message', required: false },
] as const;

function FormCard({ form }: { form: WebForm }) {
  const { t } = useTranslation();
  const base = useApiBase();
  const patch = usePatchForm();
  const remove = useDeleteForm();
  const [editing, setEditing] = useState(false);
  if (editing) return <FormEditor form={form} onDone={() => setEditing(false)} />;
  const snippet = formSnippet(form, base, { send: t('forms.send'), failed: t('forms.failed'), tooMany: t('forms.tooMany') });
  const hosted = `${base}/api/v1/inbound/forms/${form.formKey}/page`;
  return (
    <Paper withBorder p="md" data-testid="form-card">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {form.name}
        </Title>
        <Group gap="xs">
          <Switch
            label={t('forms.enabled')}
            checked={form.enabled}
            onChange={(e) => patch.mutate({ id: form.id, version: form.version, patch: { enabled: e.currentTarget.checked } })}
          />
          <Button size="compact-sm" variant="light" onClick={() => setEditing(true)}>
            {t('forms.edit')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate(form.id)}>
            {t('forms.delete')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" mb={4}>
        {t('forms.hosted')}{' '}
        <a href={hosted} target="_blank" rel="noreferrer">
          {hosted}
        </a>
      </Text>
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          {t('forms.snippet')}
        </Text>
        <CopyButton value={snippet}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? t('forms.copied') : t('forms.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid="form-snippet" tabIndex={0} aria-label={t('forms.snippet')} style={{ maxHeight: 180, overflow: 'auto' }}>
        {snippet}
      </Code>
      <FormError error={patch.error ?? remove.error} />
    </Paper>
  );
}
