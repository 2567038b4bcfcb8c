// The event log's filters: record (type and id), user, event type and period.
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Filters } from '@/ui/Filters';
import { en } from '@/i18n/en';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useReportFilters } from '@/features/analytics/hooks/useReports';

export const LOGGED_ENTITIES = ['lead', 'contact', 'company', 'task', 'pipeline', 'user', 'note', 'incoming'] as const;

export function EventLogFilters() {
  const { t } = useTranslation();
  const { params, set } = useReportFilters();
  const get = (name: string) => params.get(name) ?? '';
  const active = ['entityType', 'entityId', 'actorId', 'type', 'from', 'to'].filter((n) => params.get(n)).length;
  return (
    <Filters active={active}>
      <Select
        size="xs"
        label={t('analytics.entityType')}
        placeholder={t('analytics.any')}
        data={LOGGED_ENTITIES.map((e) => ({ value: e, label: t(`analytics.entityTypes.${e}`) }))}
        value={get('entityType') || null}
        onChange={(v) => set('entityType', v)}
        clearable
      />
      <TextInput
        size="xs"
        label={t('analytics.entityId')}
        value={get('entityId')}
        onChange={(e) => set('entityId', e.currentTarget.value.trim())}
      />
      <ResponsibleSelect
        size="xs"
        label={t('analytics.user')}
        placeholder={t('analytics.any')}
        value={get('actorId') || null}
        onChange={(v) => set('actorId', v)}
        clearable
      />
      <Select
        size="xs"
        label={t('analytics.eventType')}
        placeholder={t('analytics.any')}
        data={Object.keys(en.events).map((type) => ({ value: type, label: t(`events.${type}`) }))}
        value={get('type') || null}
        onChange={(v) => set('type', v)}
        searchable
        clearable
      />
      <TextInput
        type="date"
        size="xs"
        label={t('analytics.from')}
        value={get('from')}
        onChange={(e) => set('from', e.currentTarget.value)}
      />
      <TextInput type="date" size="xs" label={t('analytics.to')} value={get('to')} onChange={(e) => set('to', e.currentTarget.value)} />
    </Filters>
  );
}
