// Friendly words for what went wrong, and field errors of problem+json put next to form fields.
import { createElement, useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '@/lib/problem';

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
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.status >= 500) return t('errors.server');
      const key = STATUS_KEYS[error.status];
      // The server's own words are English: shown as they are only in English, else the status's message.
      if ((error.status === 400 || error.status === 409) && error.problem.detail && i18n.language === 'en' && !error.fieldErrors.length) {
        return error.problem.detail;
      }
      return t(key ?? 'errors.unexpected');
    },
    [t, i18n.language],
  );
}

/**
 * One field error in the user's language, by what is wrong (`code`), not by the server's English
 * text; a code-less message (a domain rule) is shown as sent in English, else a general one.
 */
export function useFieldMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    ({ code, message }: FieldError) => {
      if (code && i18n.exists(`errors.field.${code}`)) return t(`errors.field.${code}`);
      return i18n.language === 'en' ? message : t('errors.field.invalid');
    },
    [t, i18n],
  );
}

/** A field error as a component, so that it follows a language switch after it was shown. */
function FieldMessage({ error }: { error: FieldError }) {
  return useFieldMessage()(error);
}

interface FormWithErrors {
  setErrors(errors: Record<string, ReactNode>): void;
  getValues(): object;
}

/**
 * Puts the API's field errors on the form's fields; returns the messages of paths the form
 * has no field for, to show above it.
 */
export function applyFieldErrors(form: FormWithErrors, error: unknown): FieldError[] {
  if (!isApiError(error) || error.fieldErrors.length === 0) return [];
  const values = form.getValues() as Record<string, unknown>;
  const onFields: Record<string, ReactNode> = {};
  const elsewhere: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    const root = fieldError.path.split('.')[0];
    if (root && root in values) onFields[fieldError.path] = createElement(FieldMessage, { error: fieldError });
    else elsewhere.push(fieldError);
  }
  form.setErrors(onFields);
  return elsewhere;
}
