import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { makeFormatter, type Formatter } from '@/lib/format';
import { useAccount } from './useMe';

/** Formatter for the signed-in account, in the current UI language. */
export function useFormat(): Formatter {
  const { account } = useAccount();
  const { i18n } = useTranslation();
  return useMemo(
    () =>
      makeFormatter({
        locale: account.locale || 'en-US',
        timeZone: account.timezone || 'UTC',
        currency: account.currency || 'USD',
        language: i18n.language,
      }),
    [account.locale, account.timezone, account.currency, i18n.language],
  );
}
