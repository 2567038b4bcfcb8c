// The reports and the event log, read with the filters kept in the page's address.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '@/api/client';
import { usePagedList } from '@/api/queries';

export type GroupBy = 'day' | 'week' | 'month';

/** The report filters as the address holds them (`?from&to&pipelineId&responsibleUserId&groupBy`). */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const get = (name: string) => params.get(name) || undefined;
  const filters = {
    from: get('from'),
    to: get('to'),
    pipelineId: get('pipelineId'),
    responsibleUserId: get('responsibleUserId'),
    groupBy: (get('groupBy') ?? 'day') as GroupBy,
  };
  const set = (name: keyof typeof filters | string, value: string | null | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return { filters, set, params };
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function useFunnel() {
  const { filters } = useReportFilters();
  const query = defined({
    from: filters.from,
    to: filters.to,
    pipelineId: filters.pipelineId,
    responsibleUserId: filters.responsibleUserId,
  });
  return useQuery({ queryKey: ['analytics', 'funnel', query], queryFn: ({ signal }) => api.analytics.funnel(query, { signal }) });
}

export function useSummary() {
  const { filters } = useReportFilters();
  const query = defined({ ...filters });
  return useQuery({ queryKey: ['analytics', 'summary', query], queryFn: ({ signal }) => api.analytics.summary(query, { signal }) });
}

export function useManagers() {
  const { filters } = useReportFilters();
  const query = defined({
    from: filters.from,
    to: filters.to,
    pipelineId: filters.pipelineId,
    responsibleUserId: filters.responsibleUserId,
  });
  return useQuery({ queryKey: ['analytics', 'managers', query], queryFn: ({ signal }) => api.analytics.managers(query, { signal }) });
}

/** The event log: `?entityType&entityId&actorId&type&from&to` (days, read as the whole day). */
export function useEventLog() {
  const [params] = useSearchParams();
  const get = (name: string) => params.get(name) || undefined;
  const from = get('from');
  const to = get('to');
  const query = defined({
    entityType: get('entityType') as never,
    entityId: get('entityId'),
    actorId: get('actorId'),
    type: get('type') as never,
    from: from && `${from}T00:00:00.000Z`,
    to: to && `${to}T23:59:59.999Z`,
  });
  return usePagedList(['events', 'log', query], (page, signal) => api.events.list({ ...query, ...page }, { signal }));
}
