import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePipelines } from './usePipelines';

/** A stage of any pipeline, grouped by pipeline. */
export function StageSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const data = (pipelines.data ?? []).map((p) => ({
    group: p.name,
    items: p.stages.map((s) => ({ value: s.id, label: s.name })),
  }));
  return <Select label={t('leads.stage')} data={data} allowDeselect={false} {...props} />;
}
