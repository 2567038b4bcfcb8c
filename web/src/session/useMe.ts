// The caller and their account (GET /me): the source of locale, time zone and currency.
import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const meQueryKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => api.me({ signal }), staleTime: 5 * 60_000 });
}

/** Inside the signed-in shell, which renders only once /me has answered. */
export function useAccount() {
  const { data } = useMe();
  if (!data) throw new Error('useAccount outside the signed-in shell');
  return data;
}
