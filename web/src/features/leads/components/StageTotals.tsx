import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/session/useFormat';

/** Count and sum of a column; "+" while more pages are still to load. */
export function StageTotals({ count, amount, more }: { count: number; amount: number; more: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plus = more ? '+' : '';
  return (
    <Text size="xs" c="dimmed" aria-label={t('leads.stageTotals', { count, amount: format.money(amount) })}>
      {t('leads.leadCount', { count })}{plus} · {format.money(amount)}{plus}
    </Text>
  );
}
