// The account's users, for "responsible" pickers and names on cards.
import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';

export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: ({ signal }) => fetchAllPages((page) => api.users.list(page, { signal })),
  staleTime: 5 * 60_000,
});

export function useUsers() {
  return useQuery(usersQuery);
}

export function useUserNames(): (id: string | null | undefined) => string {
  const { data } = useUsers();
  const names = useMemo(() => new Map((data ?? []).map((u) => [u.id, u.name])), [data]);
  return (id) => (id ? (names.get(id) ?? '') : '');
}
