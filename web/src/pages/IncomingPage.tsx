// Incoming requests: the new ones first, the decided ones a click away.
import { useState } from 'react';
import { Paper, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/ui/PageHeader';
import { IncomingList } from '@/features/incoming/components/IncomingList';
import { useNewIncomingCount } from '@/features/incoming/hooks/useIncoming';

const VIEWS = ['new', 'accepted', 'declined', 'all'] as const;

export default function IncomingPage() {
  const { t } = useTranslation();
  const [view, setView] = useState<(typeof VIEWS)[number]>('new');
  const count = useNewIncomingCount();
  return (
    <>
      <PageHeader title={t('incoming.title')}>
        <SegmentedControl
          size="xs"
          aria-label={t('incoming.show')}
          value={view}
          onChange={(v) => setView(v as (typeof VIEWS)[number])}
          data={VIEWS.map((v) => ({
            value: v,
            label: v === 'new' && count.data ? `${t('incoming.views.new')} (${count.data})` : t(`incoming.views.${v}`),
          }))}
        />
      </PageHeader>
      <Paper withBorder p="md">
        <IncomingList status={view === 'all' ? undefined : view} />
      </Paper>
    </>
  );
}
