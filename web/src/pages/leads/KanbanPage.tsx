import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuickAdd } from '@/ui/quickAdd';
import { PageHeader } from '@/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/ui/states';
import { KanbanBoard } from '@/features/leads/components/KanbanBoard';
import { LeadFilterBar } from '@/features/leads/components/LeadFilters';
import { LeadsViewSwitch } from '@/features/leads/components/LeadsViewSwitch';
import { BOARD_FILTERS, useLeadFilterParams } from '@/features/leads/hooks/useLeadFilterParams';
import { PipelineSelect } from '@/features/leads/components/PipelineSelect';
import { usePipelines } from '@/reference/usePipelines';

export default function KanbanPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useLeadFilterParams(BOARD_FILTERS);
  const openQuickAdd = useQuickAdd();
  const list = pipelines.data ?? [];
  const pipeline = list.find((p) => p.id === params.get('pipeline')) ?? list[0];

  return (
    <>
      <PageHeader title={t('nav.leads')}>
        {pipeline && (
          <PipelineSelect
            pipelines={list}
            value={pipeline.id}
            onChange={(id) =>
              setParams((prev) => {
                const query = new URLSearchParams(prev);
                query.set('pipeline', id);
                return query;
              })
            }
          />
        )}
        <LeadsViewSwitch active="kanban" />
        <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => openQuickAdd('lead')}>
          {t('leads.add')}
        </Button>
      </PageHeader>
      <LeadFilterBar board value={filters} onChange={setFilters} />
      {pipelines.isPending && <LoadingState />}
      {pipelines.isError && <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />}
      {pipelines.isSuccess && !pipeline && <EmptyState>{t('leads.noPipelines')}</EmptyState>}
      {pipeline && <KanbanBoard key={pipeline.id} pipeline={pipeline} filters={filters} />}
    </>
  );
}
