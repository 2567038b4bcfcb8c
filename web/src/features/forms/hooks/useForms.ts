// Web forms (admin): the list, create, change, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { WebFormCreate, WebFormPatch } from '@/api/types';

const key = ['forms'] as const;

export function useForms() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetchAllPages((page) => api.forms.list(page, { signal })) });
}

function useFormMutation<A>(run: (args: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCreateForm = () => useFormMutation((body: WebFormCreate) => api.forms.create(body));
export const usePatchForm = () =>
  useFormMutation(({ id, patch, version }: { id: string; patch: WebFormPatch; version: number }) =>
    api.forms.patch({ id }, patch, { ifMatch: version }),
  );
export const useDeleteForm = () => useFormMutation((id: string) => api.forms.delete({ id }));
