// A card's widget actions (Call, Send SMS...): every enabled widget's actions offered on this
// kind of record, each a small form drawn from the action's input schema.
import { useState } from 'react';
import { Button, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@crm/contract/client';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { useWidgetAction, useWidgets } from '@/features/widgets/hooks/useWidgets';

type Widget = ResponseOf<'widgets.list'>['items'][number];
type Action = Widget['actions'][number];
type Field = { type?: string; maxLength?: number };

const wording = (w: { en: string; ru: string }, lang: string) => (lang.startsWith('ru') ? w.ru : w.en);

function ActionForm({
  widget,
  action,
  entity,
  phone,
}: {
  widget: Widget;
  action: Action;
  entity: { type: 'lead' | 'contact'; id: string };
  phone?: string;
}) {
  const { t, i18n } = useTranslation();
  const run = useWidgetAction();
  const fields = Object.entries(((action.input as { properties?: Record<string, Field> }).properties ?? {}) as Record<string, Field>);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map(([f]) => [f, f === 'phone' ? (phone ?? '') : ''])),
  );
  const title = wording(action.title, i18n.language);
  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        run.mutate(
          { name: widget.name, action: action.id, body: { entity, input: values } },
          { onSuccess: () => (notifySuccess(t('widgets.actionDone')), setValues((v) => ({ ...v, text: '' }))) },
        );
      }}
    >
      <Stack gap="xs">
        {fields.map(([field, schema]) => {
          const label = t(`widgets.input.${field}`, { defaultValue: field });
          const change = (value: string) => setValues((v) => ({ ...v, [field]: value }));
          return (schema.maxLength ?? 0) > 200 ? (
            <Textarea
              key={field}
              label={label}
              value={values[field]}
              required
              autosize
              minRows={2}
              onChange={(e) => change(e.currentTarget.value)}
            />
          ) : (
            <TextInput key={field} label={label} value={values[field]} required onChange={(e) => change(e.currentTarget.value)} />
          );
        })}
        <FormError error={run.error} />
        <Button type="submit" size="xs" loading={run.isPending}>
          {title}
        </Button>
      </Stack>
    </form>
  );
}

export function WidgetActions({ entity, phone }: { entity: { type: 'lead' | 'contact'; id: string }; phone?: string }) {
  const { t } = useTranslation();
  const widgets = useWidgets();
  const offered = (widgets.data?.items ?? [])
    .filter((w) => w.enabled)
    .flatMap((w) => w.actions.filter((a) => a.entityTypes.includes(entity.type)).map((a) => ({ widget: w, action: a })));
  if (offered.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('widgets.actions')}>
      <Title order={2} size="h5" mb="xs">
        {t('widgets.actions')}
      </Title>
      <Stack gap="md">
        {offered.map(({ widget, action }) => (
          <ActionForm key={`${widget.name}/${action.id}`} widget={widget} action={action} entity={entity} phone={phone} />
        ))}
      </Stack>
    </Paper>
  );
}
