// Settings > Integrations: every installed widget with its enable switch and a settings form
// drawn from its manifest's schema; secrets are write-only inputs that show only whether one is set.
import { useState } from 'react';
import { Badge, Button, Code, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@crm/contract/client';
import { FormError } from '@/ui/FormError';
import { ErrorState, LoadingState } from '@/ui/states';
import { useSaveWidget, useWidgets } from '@/features/widgets/hooks/useWidgets';

type Widget = ResponseOf<'widgets.list'>['items'][number];
type FieldSchema = { type?: string; default?: unknown; label?: { en: string; ru: string } };

const wording = (w: { en: string; ru: string } | undefined, lang: string) => (w ? (lang.startsWith('ru') ? w.ru : w.en) : undefined);

function WidgetCard({ widget }: { widget: Widget }) {
  const { t, i18n } = useTranslation();
  const save = useSaveWidget();
  const fields = Object.entries(
    ((widget.settingsSchema as { properties?: Record<string, FieldSchema> }).properties ?? {}) as Record<string, FieldSchema>,
  );
  const required = new Set(((widget.settingsSchema as { required?: string[] }).required ?? []) as string[]);
  const [enabled, setEnabled] = useState(widget.enabled);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map(([f, s]) => [f, String(widget.settings[f] ?? s.default ?? '')])),
  );
  const submit = () => {
    const settings: Record<string, unknown> = {};
    for (const [f] of fields) if (values[f] !== '') settings[f] = values[f];
    save.mutate(
      { name: widget.name, body: { enabled, settings } },
      { onSuccess: () => setValues((v) => ({ ...v, ...Object.fromEntries(widget.secretFields.map((f) => [f, ''])) })) },
    );
  };
  const title = wording(widget.title, i18n.language)!;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Badge color={widget.enabled ? 'green' : 'gray'}>{widget.enabled ? t('widgets.on') : t('widgets.off')}</Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {wording(widget.description, i18n.language)}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Switch label={t('widgets.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          {fields.map(([field, schema]) => {
            const label = wording(schema.label, i18n.language) ?? field;
            const secret = widget.secretFields.includes(field);
            const set = widget.secretsSet.includes(field);
            const change = (value: string) => setValues((v) => ({ ...v, [field]: value }));
            return secret ? (
              <PasswordInput
                key={field}
                label={label}
                autoComplete="new-password"
                description={set ? t('widgets.secretSet') : t('widgets.secretNotSet')}
                placeholder={set ? '••••••' : ''}
                value={values[field] ?? ''}
                required={required.has(field) && !set}
                onChange={(e) => change(e.currentTarget.value)}
              />
            ) : (
              <TextInput
                key={field}
                label={label}
                value={values[field] ?? ''}
                required={required.has(field) && schema.default === undefined}
                onChange={(e) => change(e.currentTarget.value)}
              />
            );
          })}
          {widget.inboundKey && (
            <Text size="sm">
              {t('widgets.endpoint')} <Code>{['', 'api', 'v1', 'inbound', widget.name, widget.inboundKey].join('/')}</Code>
            </Text>
          )}
          <FormError error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('widgets.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function Widgets() {
  const { t } = useTranslation();
  const widgets = useWidgets();
  if (widgets.isPending) return <LoadingState />;
  if (widgets.isError) return <ErrorState error={widgets.error} />;
  return (
    <Stack gap="md" maw={900}>
      <Title order={2} size="h4">
        {t('widgets.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('widgets.hint')}
      </Text>
      {widgets.data.items.map((w) => (
        <WidgetCard key={w.name} widget={w} />
      ))}
    </Stack>
  );
}
