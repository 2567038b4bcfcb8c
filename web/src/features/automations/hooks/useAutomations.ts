// A pipeline's stage automations (admin): list, add, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '@crm/contract/client';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';

export function useAutomations(pipelineId: string | null) {
  return useQuery({
    queryKey: ['automations', pipelineId],
    enabled: !!pipelineId,
    queryFn: ({ signal }) => fetchAllPages((page) => api.automations.list({ ...page, pipelineId: pipelineId! }, { signal })),
  });
}

export function useAutomationChanges() {
  const qc = useQueryClient();
  const onSettled = () => qc.invalidateQueries({ queryKey: ['automations'] });
  return {
    create: useMutation({ mutationFn: (body: BodyOf<'automations.create'>) => api.automations.create(body), onSettled }),
    remove: useMutation({ mutationFn: (id: string) => api.automations.delete({ id }), onSettled }),
  };
}
