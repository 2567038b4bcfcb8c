// Incoming requests: the list by status (with the count of new ones), accept, attach to a lead, decline.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf, QueryOf } from '@crm/contract/client';
import { api } from '@/api/client';
import { itemsOf, usePagedList } from '@/api/queries';

type Status = NonNullable<QueryOf<'incoming.list'>['status']>;
const key = ['incoming'] as const;

export function useIncomingList(status: Status | undefined) {
  const list = usePagedList([...key, status ?? 'all'], (page, signal) => api.incoming.list({ ...page, status }, { signal }));
  return { ...list, items: itemsOf(list.data) };
}

/** The desktop's and the navigation's figure: one item and the counter beside it. */
export function useNewIncomingCount() {
  return useQuery({
    queryKey: [...key, 'count'],
    queryFn: async ({ signal }) => (await api.incoming.list({ limit: 1, status: 'new' }, { signal })).newCount,
    refetchInterval: 30_000,
  });
}

function useDecision<A>(run: (args: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}

export const useAcceptIncoming = () =>
  useDecision(({ id, body }: { id: string; body: BodyOf<'incoming.accept'> }) => api.incoming.accept({ id }, body));
export const useAttachIncoming = () =>
  useDecision(({ id, leadId }: { id: string; leadId: string }) => api.incoming.attach({ id }, { leadId }));
export const useDeclineIncoming = () => useDecision((id: string) => api.incoming.decline({ id }));

/** Leads to attach a request to, by name. */
export function useLeadChoices(q: string) {
  return useQuery({
    queryKey: ['leads', 'attach-choices', q],
    queryFn: ({ signal }) => api.leads.list({ q: q || undefined, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
  });
}
