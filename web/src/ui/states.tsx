// Loading, failure and emptiness, the same way on every page.
import type { ReactNode } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/problem';
import { useErrorMessage } from './errors';
import { NotFoundState } from './NotFoundState';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={label ?? t('common.loading')}>
      <Loader size="sm" />
    </Center>
  );
}

/** `page`: the error is the whole page's (an unknown id shows the 404 page). */
export function ErrorState({ error, onRetry, page }: { error: unknown; onRetry?: () => void; page?: boolean }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (page && isApiError(error, 404)) return <NotFoundState />;
  if (isApiError(error, 404)) {
    return (
      <Alert color="gray" variant="light" role="status">
        {t('errors.unavailable')}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" ta="center" py="lg" size="sm">
      {children}
    </Text>
  );
}
