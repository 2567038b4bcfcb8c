import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconBrandTelegram, IconChecklist, IconHistory, IconMail, IconNote, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/session/useFormat';
import { useChangeLines } from '@/reference/useChangeLines';
import type { CustomFieldEntity } from '@/reference/useCustomFields';
import { useUserNames } from '@/reference/useUsers';
import type { TimelineEntry } from './timelineEntry';

const ICONS = { event: IconHistory, note: IconNote, task: IconChecklist, message: IconMail } as const;
const COLORS = { event: 'blue', note: 'yellow', task: 'teal', message: 'grape' } as const;

/** `collection`: whose custom fields the changes name. */
export function TimelineEntryView({ entry, collection }: { entry: TimelineEntry; collection: CustomFieldEntity }) {
  const { t } = useTranslation();
  const format = useFormat();
  const userName = useUserNames();
  const changes = useChangeLines(collection, entry.changes);
  const Icon = entry.type.startsWith('call') ? IconPhone : entry.type.startsWith('telegram') ? IconBrandTelegram : ICONS[entry.kind];
  const title =
    entry.kind === 'event'
      ? t(`events.${entry.type}`, { defaultValue: entry.type })
      : entry.kind === 'note'
        ? t(`notes.types.${entry.type || 'common'}`, { defaultValue: t('notes.types.common') })
        : entry.kind === 'message'
          ? t(`messages.${entry.type}`, { defaultValue: entry.type })
          : t('entities.task');

  return (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <ThemeIcon variant="light" radius="xl" size="md" color={COLORS[entry.kind]}>
        <Icon size={16} aria-hidden />
      </ThemeIcon>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {format.dateTime(entry.at)}
            {entry.actorId ? ` · ${userName(entry.actorId)}` : ''}
          </Text>
        </Group>
        {entry.kind === 'message' && (
          <Text size="xs" c="dimmed">
            {t('messages.fromTo', { from: entry.from, to: entry.to })}
          </Text>
        )}
        {entry.subject && (
          <Text size="sm" fw={500} mt={2}>
            {entry.subject}
          </Text>
        )}
        {entry.text && (
          <Paper bg="gray.0" p="xs" mt={4}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
          </Paper>
        )}
        {entry.kind === 'task' && entry.dueAt && (
          <Text size="xs" c="dimmed">
            {t('tasks.dueAt')}: {format.dateTime(entry.dueAt)}
            {entry.result ? ` · ${t('tasks.result')}: ${entry.result}` : ''}
          </Text>
        )}
        {changes.map((c) => (
          <Text key={c.key} size="xs" c="dimmed">
            {c.label}: {c.from} <IconArrowRight size={10} aria-label="→" /> {c.to}
          </Text>
        ))}
      </div>
    </Group>
  );
}
