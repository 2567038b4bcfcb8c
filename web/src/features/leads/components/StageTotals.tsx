import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@/session/useFormat';

interface Props {
  count: number;
  amount: number;
  /** More pages are still to load: the figures end in "+". */
  more: boolean;
  /** The figures are of the leads matching the board's filters, not the whole stage. */
  filtered?: boolean;
}

/** Count and sum of a column. */
export function StageTotals({ count, amount, more, filtered }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const plus = more ? '+' : '';
  const label = t(filtered ? 'leads.stageTotalsFiltered' : 'leads.stageTotals', { count, amount: format.money(amount) }) + plus;
  return (
    <Text size="xs" c="dimmed" aria-label={label} data-testid="stage-totals" data-filtered={filtered ? 'true' : undefined}>
      {t('leads.leadCount', { count })}
      {plus} · {format.money(amount)}
      {plus}
      {filtered && <> · {t('leads.filteredMark')}</>}
    </Text>
  );
}
