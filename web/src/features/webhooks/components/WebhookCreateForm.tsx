// A new webhook: the receiver's URL, the event types it wants and, optionally, one pipeline.
import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, WebhookWithSecret } from '@/api/types';
import { usePipelines } from '@/reference/usePipelines';
import { FormError } from '@/ui/FormError';
import { SUBSCRIBABLE_EVENTS } from '@/features/webhooks/eventTypes';
import { useCreateWebhook } from '@/features/webhooks/hooks/useWebhooks';

export function WebhookCreateForm({ onCreated }: { onCreated: (webhook: WebhookWithSecret) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const pipelines = usePipelines();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['lead.created']);
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { url: url.trim(), events: events as EventType[], ...(pipelineId ? { pipelineId } : {}) },
      {
        onSuccess: (webhook) => {
          setUrl('');
          onCreated(webhook);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('webhooks.add')}>
      <Stack gap="sm">
        <TextInput
          label={t('webhooks.url')}
          placeholder="https://example.com/crm-hook"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
        />
        <MultiSelect
          label={t('webhooks.events')}
          data={SUBSCRIBABLE_EVENTS.map((type) => ({ value: type, label: `${t(`events.${type}`, { defaultValue: type })} (${type})` }))}
          value={events}
          onChange={setEvents}
          searchable
          required
        />
        <Select
          label={t('webhooks.pipeline')}
          placeholder={t('webhooks.anyPipeline')}
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={pipelineId}
          onChange={setPipelineId}
          clearable
        />
        <FormError error={create.error} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!url.trim() || events.length === 0}>
            {t('webhooks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
