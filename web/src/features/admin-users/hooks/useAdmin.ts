// The administrator's people and rights: users, roles and groups, and their changes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyOf } from '@crm/contract/client';
import { isVersioned, putSaved } from '@/api/cache';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';

export function useAllUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => fetchAllPages((page) => api.users.list(page, { signal })),
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => fetchAllPages((page) => api.roles.list(page, { signal })),
  });
}

export function useGroups() {
  return useQuery({
    queryKey: ['groups'],
    queryFn: ({ signal }) => fetchAllPages((page) => api.groups.list(page, { signal })),
  });
}

/**
 * A mutation that refreshes the named lists when it succeeds; a changed record from the answer
 * goes into them first, so the next change of the same row is sent with its new version.
 */
function useChange<V, R>(fn: (v: V) => Promise<R>, ...lists: string[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) =>
      lists.forEach((key) => {
        if (isVersioned(saved)) putSaved(qc, [key], saved);
        void qc.invalidateQueries({ queryKey: [key] });
      }),
  });
}

export const useInviteUser = () =>
  useChange((body: BodyOf<'users.create'>) => api.users.create(body, { idempotencyKey: crypto.randomUUID() }), 'users');
export const usePatchUser = () =>
  useChange(
    ({ id, patch, version }: { id: string; patch: BodyOf<'users.patch'>; version: number }) =>
      api.users.patch({ id }, patch, { ifMatch: version }),
    'users',
  );
export const useDeactivateUser = () => useChange((id: string) => api.users.delete({ id }), 'users');

export const useCreateRole = () =>
  useChange((body: BodyOf<'roles.create'>) => api.roles.create(body, { idempotencyKey: crypto.randomUUID() }), 'roles');
export const usePatchRole = () =>
  useChange(
    ({ id, patch, version }: { id: string; patch: BodyOf<'roles.patch'>; version: number }) =>
      api.roles.patch({ id }, patch, { ifMatch: version }),
    'roles',
  );
export const useDeleteRole = () => useChange((id: string) => api.roles.delete({ id }), 'roles');

export const useCreateGroup = () =>
  useChange((body: BodyOf<'groups.create'>) => api.groups.create(body, { idempotencyKey: crypto.randomUUID() }), 'groups');
export const usePatchGroup = () =>
  useChange(
    ({ id, patch, version }: { id: string; patch: BodyOf<'groups.patch'>; version: number }) =>
      api.groups.patch({ id }, patch, { ifMatch: version }),
    'groups',
  );
export const useDeleteGroup = () => useChange((id: string) => api.groups.delete({ id }), 'groups');
