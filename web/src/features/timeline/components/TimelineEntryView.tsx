import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconChecklist, IconHistory, IconNote, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/session/useFormat';
import { useStageIndex } from '@/reference/usePipelines';
import { useUserNames } from '@/reference/useUsers';
import type { TimelineEntry } from './timelineEntry';

const ICONS = { event: IconHistory, note: IconNote, task: IconChecklist } as const;

/** A changed value in words: stage and user ids become names. */
function useDescribeValue() {
  const stages = useStageIndex();
  const userName = useUserNames();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'stageId') return stages.get(String(value))?.name ?? String(value);
    if (field === 'responsibleUserId') return userName(String(value)) || String(value);
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
}

export function TimelineEntryView({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const describe = useDescribeValue();
  const Icon = entry.type.startsWith('call') ? IconPhone : ICONS[entry.kind];
  const title =
    entry.kind === 'event' ? t(`events.${entry.type}`, { defaultValue: entry.type })
      : entry.kind === 'note' ? t(`notes.types.${entry.type || 'common'}`, { defaultValue: t('notes.types.common') })
        : t('entities.task');

  return (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <ThemeIcon variant="light" radius="xl" size="md" color={entry.kind === 'note' ? 'yellow' : entry.kind === 'task' ? 'teal' : 'blue'}>
        <Icon size={16} aria-hidden />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={600}>{title}</Text>
          <Text size="xs" c="dimmed">{format.dateTime(entry.at)}{entry.actorId ? ` · ${userName(entry.actorId)}` : ''}</Text>
        </Group>
        {entry.text && (
          <Paper bg="gray.0" p="xs" mt={4}><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text></Paper>
        )}
        {entry.kind === 'task' && entry.dueAt && (
          <Text size="xs" c="dimmed">
            {t('tasks.dueAt')}: {format.dateTime(entry.dueAt)}{entry.result ? ` · ${t('tasks.result')}: ${entry.result}` : ''}
          </Text>
        )}
        {entry.changes.map((c) => (
          <Text key={c.field} size="xs" c="dimmed">
            {t(`fields.byName.${c.field}`, { defaultValue: c.field })}: {describe(c.field, c.from)} <IconArrowRight size={10} aria-label="→" /> {describe(c.field, c.to)}
          </Text>
        ))}
      </div>
    </Group>
  );
}
