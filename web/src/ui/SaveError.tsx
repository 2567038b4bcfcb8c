import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '@/lib/problem';
import { FormError } from './FormError';

/**
 * A failed save. On a 412 a card form (no `onReload`) has already read the other person's version
 * and kept the user's values: it says so, with what differs as `children`. A dialog offers Reload.
 */
export function SaveError({
  error,
  extra,
  onReload,
  children,
}: {
  error: unknown;
  extra?: FieldError[];
  onReload?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (isApiError(error, 412)) {
    return (
      <Alert color="orange" variant="light" role="alert">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t(onReload ? 'errors.stale' : 'errors.staleKept')}</Text>
            {onReload && (
              <Button size="xs" variant="light" color="orange" onClick={onReload}>
                {t('common.reload')}
              </Button>
            )}
          </Group>
          {children}
        </Stack>
      </Alert>
    );
  }
  return <FormError error={error} extra={extra} />;
}
