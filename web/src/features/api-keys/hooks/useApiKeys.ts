// API keys (admin): the list without secrets, create (the answer carries the key once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '@crm/contract/client';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';

const key = ['api-keys'] as const;

export function useApiKeys() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetchAllPages((page) => api.apiKeys.list(page, { signal })) });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'apiKeys.create'>) => api.apiKeys.create(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.apiKeys.delete({ id }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}
