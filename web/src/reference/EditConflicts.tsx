// What someone else changed while the user was editing, field by field: their value beside the
// server's where both changed it, and the server's where only it did (the form took that one).
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EditConflict } from '@/ui/useEditForm';
import { useChangeLines } from './useChangeLines';
import type { CustomFieldEntity } from './useCustomFields';

export function EditConflicts({ collection, conflicts }: { collection: CustomFieldEntity; conflicts: EditConflict[] }) {
  const { t } = useTranslation();
  const lines = useChangeLines(
    collection,
    conflicts.map((c) => ({ field: c.field, from: c.yours, to: c.server })),
  );
  if (lines.length === 0) return null;
  const both = (key: string) => conflicts.some((c) => c.both && (key === c.field || key.startsWith(`${c.field}.`)));
  const compare = (line: { key: string; from: string; to: string }) =>
    both(line.key) ? t('errors.yoursVsServer', { yours: line.from, server: line.to }) : t('errors.serverTaken', { server: line.to });
  return (
    <List size="sm" spacing={2} aria-label={t('errors.serverChanges')}>
      {lines.map((line) => (
        <List.Item key={line.key}>
          <Text size="sm" span fw={600}>
            {line.label}:{' '}
          </Text>
          <Text size="sm" span>
            {compare(line)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
