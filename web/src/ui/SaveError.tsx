import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/problem';
import { FormError } from './FormError';

/** A failed save; a 412 offers to load the other person's version. */
export function SaveError({ error, extra, onReload }: { error: unknown; extra?: string[]; onReload: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error, 412)) {
    return (
      <Alert color="orange" variant="light" role="alert">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('errors.stale')}</Text>
          <Button size="xs" variant="light" color="orange" onClick={onReload}>{t('common.reload')}</Button>
        </Group>
      </Alert>
    );
  }
  return <FormError error={error} extra={extra} />;
}
