// The account's users, for "responsible" pickers and names on cards.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchAllPages } from '@/api/queries';
import type { User } from '@/api/types';

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => fetchAllPages<User>('/users', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useUserNames(): (id: string | null | undefined) => string {
  const { data } = useUsers();
  const names = useMemo(() => new Map((data ?? []).map((u) => [u.id, u.name])), [data]);
  return (id) => (id ? names.get(id) ?? '' : '');
}
