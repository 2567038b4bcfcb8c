// "Anna is editing this card": told while the card is open, so that a second editor is warned
// before the 412 rather than after it. Our own presence goes out on the live socket too.
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePresence } from '@/session/live';
import { useMe } from '@/session/useMe';

export function PresenceHint({ record, editing }: { record: string; editing: boolean }) {
  const { t } = useTranslation();
  const me = useMe().data?.user.id;
  const others = usePresence(record, editing, me);
  if (!others.length) return null;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      {others.map((u) => (
        <Alert key={u.userId} color={u.editing ? 'orange' : 'blue'} variant="light" p="xs">
          {t(u.editing ? 'live.editing' : 'live.viewing', { name: u.name })}
        </Alert>
      ))}
    </Stack>
  );
}
