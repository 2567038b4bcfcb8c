import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { itemsOfAnswer } from '../../../api/queries';
import type { CustomField } from '../../../api/types';

export type CustomFieldEntity = CustomField['entityType'];

/** The account's custom fields for one kind of entity. */
export function useCustomFields(entityType: CustomFieldEntity) {
  return useQuery({
    queryKey: ['custom-fields', entityType],
    queryFn: ({ signal }) => api.get<unknown>('/custom-fields', { entityType }, signal).then((a) => itemsOfAnswer<CustomField>(a)),
    staleTime: 5 * 60_000,
  });
}
