import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '@/lib/problem';

/** Where a 409 on create names the contact that already has this phone or e-mail. */
export function duplicateIdOf(error: ApiError): string | undefined {
  const p = error.problem as Record<string, unknown>;
  const id = p.existingId ?? p.duplicateId ?? p.contactId ?? (p.existing as { id?: string } | undefined)?.id ?? p.id;
  return typeof id === 'string' ? id : undefined;
}

export function DuplicateWarning({ error, onCreateAnyway, onOpen }: { error: ApiError; onCreateAnyway: () => void; onOpen: () => void }) {
  const { t } = useTranslation();
  const existingId = duplicateIdOf(error);
  return (
    <Alert color="orange" variant="light" role="alert" title={t('contacts.duplicateTitle')}>
      <Text size="sm">{error.problem.detail || t('contacts.duplicateText')}</Text>
      <Group gap="xs" mt="xs">
        {existingId && (
          <Anchor component={Link} to={`/contacts/${existingId}`} size="sm" onClick={onOpen}>
            {t('contacts.openExisting')}
          </Anchor>
        )}
        <Button size="xs" variant="light" color="orange" onClick={onCreateAnyway}>
          {t('contacts.createAnyway')}
        </Button>
      </Group>
    </Alert>
  );
}
