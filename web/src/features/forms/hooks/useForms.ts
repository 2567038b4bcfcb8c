// Web forms (admin): the list, create, change, delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isVersioned, putSaved } from '@/api/cache';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { WebFormCreate, WebFormPatch } from '@/api/types';

const key = ['forms'] as const;

export function useForms() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => fetchAllPages((page) => api.forms.list(page, { signal })) });
}

/** A changed form from the answer goes into the list at once: the switch turned back right after is not a 412. */
function useFormMutation<A>(run: (args: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (saved) => isVersioned(saved) && putSaved(qc, key, saved),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export const useCreateForm = () => useFormMutation((body: WebFormCreate) => api.forms.create(body));
export const usePatchForm = () =>
  useFormMutation(({ id, patch, version }: { id: string; patch: WebFormPatch; version: number }) =>
    api.forms.patch({ id }, patch, { ifMatch: version }),
  );
export const useDeleteForm = () => useFormMutation((id: string) => api.forms.delete({ id }));
