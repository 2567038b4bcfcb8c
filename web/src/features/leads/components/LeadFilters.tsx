// The list's and the board's filters (the API's own: stage, responsible, tag, status, created,
// text) and the list's sort; the board has its stages as columns and no sort.
import { useState } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LeadSort, LeadStatus } from '@/api/types';
import { Filters } from '@/ui/Filters';
import { ResponsibleSelect } from '@/reference/ResponsibleSelect';
import { useTags } from '@/reference/useTags';
import { StageSelect } from '@/reference/StageSelect';
import { LeadFilterPresets } from './LeadFilterPresets';

export interface LeadFilterValues {
  q?: string;
  stageId?: string;
  responsibleUserId?: string;
  tag?: string;
  status?: LeadStatus;
  createdFrom?: string;
  createdTo?: string;
  sort?: LeadSort;
}

const SORTS: LeadSort[] = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt', '-price', 'price'];

interface Props {
  value: LeadFilterValues;
  onChange: (next: LeadFilterValues) => void;
  /** The board's set: no stage, status or sort. */
  board?: boolean;
}

/** The local calendar day of an instant, as a date input wants it; by hand, so the board's first load has no date library. */
function localDay(iso: string | undefined): string {
  const d = iso ? new Date(iso) : undefined;
  if (!d || Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function LeadFilters({ value, onChange, board }: Props) {
  const { t } = useTranslation();
  const tags = useTags('leads');
  const set = (patch: Partial<LeadFilterValues>) => onChange({ ...value, ...patch });
  const setQuery = useDebouncedCallback((q: string) => set({ q: q.trim() || undefined }), 300);
  const dateInput = (key: 'createdFrom' | 'createdTo', label: string) => (
    <TextInput
      size="xs"
      type="date"
      label={label}
      value={localDay(value[key])}
      onChange={(e) => {
        const day = e.currentTarget.value;
        set({ [key]: day ? new Date(`${day}T${key === 'createdFrom' ? '00:00:00' : '23:59:59'}`).toISOString() : undefined });
      }}
    />
  );

  return (
    <Filters active={Object.entries(value).filter(([k, v]) => v && k !== 'sort').length}>
      <TextInput
        size="xs"
        label={t('common.search')}
        leftSection={<IconSearch size={14} aria-hidden />}
        defaultValue={value.q ?? ''}
        onChange={(e) => setQuery(e.currentTarget.value)}
        w={200}
      />
      {!board && (
        <StageSelect
          size="xs"
          clearable
          allowDeselect
          value={value.stageId ?? null}
          onChange={(v) => set({ stageId: v ?? undefined })}
          w={180}
        />
      )}
      {!board && (
        <Select
          size="xs"
          label={t('leads.statusLabel')}
          clearable
          data={(['open', 'won', 'lost'] as const).map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
          value={value.status ?? null}
          onChange={(v) => set({ status: v ?? undefined })}
          w={130}
        />
      )}
      <ResponsibleSelect
        size="xs"
        clearable
        value={value.responsibleUserId ?? null}
        onChange={(v) => set({ responsibleUserId: v ?? undefined })}
        w={170}
      />
      <Select
        size="xs"
        label={t('fields.tag')}
        clearable
        searchable
        data={tags.data ?? []}
        value={value.tag ?? null}
        onChange={(v) => set({ tag: v ?? undefined })}
        w={140}
      />
      {dateInput('createdFrom', t('leads.createdFrom'))}
      {dateInput('createdTo', t('leads.createdTo'))}
      {!board && (
        <Select
          size="xs"
          label={t('common.sort')}
          data={SORTS.map((s) => ({ value: s, label: t(`leads.sorts.${s}`) }))}
          value={value.sort ?? '-createdAt'}
          onChange={(v) => set({ sort: (v as LeadSort) ?? undefined })}
          allowDeselect={false}
          w={190}
        />
      )}
    </Filters>
  );
}

/** The presets above the filters; choosing a preset redraws the filters, so their typed-in text follows it. */
export function LeadFilterBar(props: Props) {
  const [presetsUsed, setPresetsUsed] = useState(0);
  return (
    <>
      <LeadFilterPresets
        value={props.value}
        onChange={(next) => {
          setPresetsUsed((n) => n + 1);
          props.onChange(next);
        }}
      />
      <LeadFilters key={presetsUsed} {...props} />
    </>
  );
}
