// A lead's budget box: grouped like the money on the page (the account's locale), and a minus
// is left for the form to refuse rather than quietly clamped to 0.
import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/session/useFormat';

export function BudgetInput(props: NumberInputProps) {
  const { t } = useTranslation();
  const { separators } = useFormat();
  return (
    <NumberInput
      label={t('leads.price')}
      clampBehavior="none"
      thousandSeparator={separators.thousands}
      decimalSeparator={separators.decimal}
      decimalScale={2}
      {...props}
    />
  );
}

/** The form's check of a budget: empty (no budget) or a number of 0 or more, as the API's Money is. */
export const budgetError = (value: number | string, message: string): string | null =>
  value === '' || Number(value) >= 0 ? null : message;
