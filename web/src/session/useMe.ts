// The caller and their account (GET /me): the source of locale, time zone and currency.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';

export const meQueryKey = ['me'] as const;

export const meQuery = queryOptions({ queryKey: meQueryKey, queryFn: ({ signal }) => api.me({ signal }), staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

/** Inside the signed-in shell, which renders only once /me has answered. */
export function useAccount() {
  const { data } = useMe();
  if (!data) throw new Error('useAccount outside the signed-in shell');
  return data;
}

type RightsMatrix = NonNullable<ReturnType<typeof useMe>['data']>['user']['rights'];
type RightEntity = keyof RightsMatrix;
type RightAction = keyof RightsMatrix['leads'];

/**
 * What the caller's role allows, from /me: links and buttons are shown by it, not by the
 * role's name, so a custom role sees what its matrix grants (the API judges again anyway).
 */
export function useRights() {
  const { user } = useAccount();
  return {
    /** Administration (settings sections, users, roles): the built-in admin role, as the API's rule. */
    admin: user.role === 'admin',
    may: (entity: RightEntity, action: RightAction) => user.rights[entity][action] !== 'none',
    /** The right on at least one of these entity types. */
    mayAny: (action: RightAction, entities: readonly RightEntity[] = ['leads', 'contacts', 'companies', 'tasks']) =>
      entities.some((e) => user.rights[e][action] !== 'none'),
  };
}
