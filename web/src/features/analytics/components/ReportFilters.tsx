// The reports' filters: period (days of the account's time zone), pipeline, manager, and
// for the summary the grouping.
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Filters } from '@/ui/Filters';
import { usePipelines } from '@/reference/usePipelines';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useReportFilters, type GroupBy } from '@/features/analytics/hooks/useReports';

export function ReportFilters({ pipeline = true, groupBy = false }: { pipeline?: boolean; groupBy?: boolean }) {
  const { t } = useTranslation();
  const { filters, set } = useReportFilters();
  const pipelines = usePipelines().data ?? [];
  const active = [filters.from, filters.to, filters.pipelineId, filters.responsibleUserId].filter(Boolean).length;
  return (
    <Filters active={active}>
      <TextInput
        type="date"
        size="xs"
        label={t('analytics.from')}
        value={filters.from ?? ''}
        onChange={(e) => set('from', e.currentTarget.value)}
      />
      <TextInput
        type="date"
        size="xs"
        label={t('analytics.to')}
        value={filters.to ?? ''}
        onChange={(e) => set('to', e.currentTarget.value)}
      />
      {pipeline && (
        <Select
          size="xs"
          label={t('analytics.pipeline')}
          placeholder={t('analytics.defaultPipeline')}
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={filters.pipelineId ?? null}
          onChange={(v) => set('pipelineId', v)}
          clearable
        />
      )}
      <ResponsibleSelect
        size="xs"
        label={t('analytics.manager')}
        placeholder={t('analytics.allManagers')}
        value={filters.responsibleUserId ?? null}
        onChange={(v) => set('responsibleUserId', v)}
        clearable
      />
      {groupBy && (
        <Select
          size="xs"
          label={t('analytics.groupBy')}
          data={(['day', 'week', 'month'] as GroupBy[]).map((g) => ({ value: g, label: t(`analytics.by.${g}`) }))}
          value={filters.groupBy}
          onChange={(v) => set('groupBy', v === 'day' ? null : v)}
          allowDeselect={false}
        />
      )}
    </Filters>
  );
}
