import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { fetchAllPages } from '@/api/queries';
import type { CustomField } from '@/api/types';

export type CustomFieldEntity = CustomField['entityType'];

/** The account's custom fields for one kind of entity. */
export function useCustomFields(entityType: CustomFieldEntity) {
  return useQuery({
    queryKey: ['custom-fields', entityType],
    queryFn: ({ signal }) => fetchAllPages((page) => api.customFields.list({ ...page, entityType }, { signal })),
    staleTime: 5 * 60_000,
  });
}
