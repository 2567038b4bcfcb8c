// Reading and changing leads: one lead, the kanban columns, the filtered list, and saves.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { QueryOf } from '@crm/contract/client';
import { putSaved } from '@/api/cache';
import { api } from '@/api/client';
import { pagedListOptions, usePagedList } from '@/api/queries';
import type { Lead, LeadCreate, LeadPatch, Page } from '@/api/types';
import { refreshTotals } from './usePipelineTotals';

export const leadKeys = {
  all: ['leads'] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  stage: (stageId: string) => ['leads', 'stage', stageId] as const,
  /** One column as the board shows it: the stage's key alone without filters, so saves elsewhere update it. */
  column: (stageId: string, filters?: LeadListFilters) => (filters ? [...leadKeys.stage(stageId), filters] : leadKeys.stage(stageId)),
  list: (query: LeadListFilters) => ['leads', 'list', query] as const,
};

const COLUMN_PAGE = 30;

/** The list's filters and sort; paging is added per page. */
export type LeadListFilters = Omit<QueryOf<'leads.list'>, 'limit' | 'cursor'>;

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: ({ signal }) => api.leads.get({ id }, { signal }) });
}

/** One kanban column: the stage's leads (those matching the board's filters), newest first, a page at a time. */
export function useStageLeads(pipelineId: string, stageId: string, filters?: LeadListFilters) {
  return useInfiniteQuery(stageLeadsQuery(pipelineId, stageId, filters));
}

export const stageLeadsQuery = (pipelineId: string, stageId: string, filters?: LeadListFilters) =>
  pagedListOptions(
    leadKeys.column(stageId, filters),
    (page, signal) => api.leads.list({ ...filters, ...page, pipelineId, stageId }, { signal }),
    COLUMN_PAGE,
  );

export function useLeadList(query: LeadListFilters) {
  return usePagedList(leadKeys.list(query), (page, signal) => api.leads.list({ ...page, ...query }, { signal }));
}

/** A filtered board's column: whether a changed lead belongs there only the server can say. */
export const isFilteredColumn = (query: { queryKey: readonly unknown[] }) => query.queryKey.length > 3;

type ColumnData = InfiniteData<Page<Lead>, string | undefined>;

/** Puts a saved lead into every cached place it shows: its card, its column, the lists. */
export function rememberLead(qc: QueryClient, lead: Lead) {
  qc.setQueryData(leadKeys.detail(lead.id), lead);
  putSaved(qc, ['leads', 'stage'], lead);
  putSaved(qc, ['leads', 'list'], lead);
  void qc.invalidateQueries({ queryKey: ['leads', 'stage'], predicate: isFilteredColumn });
  void qc.invalidateQueries({ queryKey: ['leads', 'list'] });
  void qc.invalidateQueries({ queryKey: ['leads', 'related'] });
  void qc.invalidateQueries({ queryKey: ['dashboard'] });
  void refreshTotals(qc);
}

export const removeFromColumn = (data: ColumnData | undefined, leadId: string): ColumnData | undefined =>
  data && { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((l) => l.id !== leadId) })) };

export const addToColumn = (data: ColumnData | undefined, lead: Lead): ColumnData | undefined =>
  data && {
    ...data,
    pages: data.pages.map((p, i) => (i === 0 ? { ...p, items: [lead, ...p.items.filter((l) => l.id !== lead.id)] } : p)),
  };

export function useCreateLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LeadCreate) => api.leads.create(body, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: (lead) => {
      qc.setQueryData<ColumnData>(leadKeys.stage(lead.stageId), (data) => addToColumn(data, lead));
      rememberLead(qc, lead);
    },
  });
}

/** PATCH with If-Match: a 412 means someone else saved first. */
export function useUpdateLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ lead, patch }: { lead: Lead; patch: LeadPatch }) => api.leads.patch({ id: lead.id }, patch, { ifMatch: lead.version }),
    onSuccess: (lead, { lead: before }) => {
      if (before.stageId !== lead.stageId) {
        qc.setQueryData<ColumnData>(leadKeys.stage(before.stageId), (d) => removeFromColumn(d, lead.id));
        qc.setQueryData<ColumnData>(leadKeys.stage(lead.stageId), (d) => addToColumn(d, lead));
      }
      rememberLead(qc, lead);
    },
  });
}

/**
 * Forgets a deleted record once nothing shows it: removing it while its card is still open
 * would make the card read it again (a 404) before the app has moved away.
 */
function forgetOnceClosed(qc: QueryClient, queryKey: readonly unknown[]) {
  const cache = qc.getQueryCache();
  const query = cache.find({ queryKey, exact: true });
  if (!query?.getObserversCount()) return void qc.removeQueries({ queryKey, exact: true });
  const stop = cache.subscribe((e) => {
    if (e.query !== query || e.type !== 'observerRemoved' || query.getObserversCount()) return;
    stop();
    qc.removeQueries({ queryKey, exact: true });
  });
}

const DELETE_KEY = ['leads', 'delete'] as const;

/** This tab is deleting the lead, or has: its card, still open until the app moves away, must not read it again. */
export const deletedHere = (qc: QueryClient, id: string) =>
  qc
    .getMutationCache()
    .findAll({ mutationKey: DELETE_KEY })
    .some((m) => (m.state.variables as Lead | undefined)?.id === id && m.state.status !== 'error');

export function useDeleteLead() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: DELETE_KEY,
    mutationFn: (lead: Lead) => api.leads.delete({ id: lead.id }),
    onSuccess: (_, lead) => {
      qc.setQueryData<ColumnData>(leadKeys.stage(lead.stageId), (d) => removeFromColumn(d, lead.id));
      forgetOnceClosed(qc, leadKeys.detail(lead.id));
      void qc.invalidateQueries({ queryKey: ['leads', 'stage'], predicate: isFilteredColumn });
      void refreshTotals(qc);
      void qc.invalidateQueries({ queryKey: ['leads', 'list'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
