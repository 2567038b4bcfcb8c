// Saved views of the board and the list, each one a set of filters the API answers exactly.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/session/useMe';
import type { LeadListFilters } from '@/features/leads/hooks/useLeads';

const WEEK_MS = 7 * 24 * 3600_000;

function startOfDayWeekAgo(): string {
  const day = new Date(Date.now() - WEEK_MS);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

interface Props {
  value: LeadListFilters;
  onChange: (next: LeadListFilters) => void;
}

export function LeadFilterPresets({ value, onChange }: Props) {
  const { t } = useTranslation();
  const me = useMe().data?.user.id;
  const keep = value.sort ? { sort: value.sort } : {};
  const set = Object.entries(value)
    .filter(([k, v]) => v && k !== 'sort')
    .map(([k]) => k);
  const only = (key: keyof LeadListFilters) => set.length === 1 && set[0] === key;
  const presets = [
    { id: 'all', active: set.length === 0, filters: {} },
    { id: 'mine', active: only('responsibleUserId') && value.responsibleUserId === me, filters: { responsibleUserId: me } },
    { id: 'newThisWeek', active: only('createdFrom'), filters: { createdFrom: startOfDayWeekAgo() } },
  ] as const;
  return (
    <Group gap={6} mb="xs" role="group" aria-label={t('leads.presets.label')}>
      {presets.map((p) => (
        <Button
          key={p.id}
          size="compact-sm"
          variant={p.active ? 'filled' : 'default'}
          aria-pressed={p.active}
          disabled={p.id === 'mine' && !me}
          onClick={() => onChange({ ...keep, ...p.filters })}
        >
          {t(`leads.presets.${p.id}`)}
        </Button>
      ))}
    </Group>
  );
}
