// Friendly words for what went wrong, and field errors of problem+json put next to form fields.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/problem';

const STATUS_KEYS: Record<number, string> = {
  0: 'errors.network',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  412: 'errors.stale',
  413: 'errors.tooLarge',
  415: 'errors.invalid',
  422: 'errors.invalid',
  429: 'errors.throttled',
};

export function useErrorMessage() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.status >= 500) return t('errors.server');
      const key = STATUS_KEYS[error.status];
      if (error.status === 400 || error.status === 409) {
        return error.problem.detail || t(key ?? 'errors.invalid');
      }
      return t(key ?? 'errors.unexpected');
    },
    [t],
  );
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
  getValues(): object;
}

/**
 * Puts the API's field errors on the form's fields; returns the messages of paths the form
 * has no field for, to show above it.
 */
export function applyFieldErrors(form: FormWithErrors, error: unknown): string[] {
  if (!isApiError(error) || error.fieldErrors.length === 0) return [];
  const values = form.getValues() as Record<string, unknown>;
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const root = path.split('.')[0];
    if (root && root in values) onFields[path] = message;
    else elsewhere.push(path ? `${path}: ${message}` : message);
  }
  form.setErrors(onFields);
  return elsewhere;
}
