import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '@/api/types';

export function PipelineSelect({ pipelines, value, onChange }: { pipelines: Pipeline[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  if (pipelines.length < 2) return null;
  return (
    <Select
      size="xs"
      aria-label={t('leads.pipeline')}
      data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      w={200}
    />
  );
}
