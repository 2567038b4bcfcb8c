// The client base's two record kinds, contacts and companies, read and written by one set of
// hooks: shared by the clients feature and the lead card's parties.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from './client';
import { usePagedList } from './queries';
import type { Company, CompanyInput, Contact, ContactInput } from './types';

export type ClientKind = 'contact' | 'company';
export type Client = Contact | Company;
export type ClientInput = ContactInput | CompanyInput;

export interface Versioned {
  id: string;
  version: number;
}

function resourceHooks<T extends Versioned, Input>(resource: string) {
  const keys = {
    all: [resource] as const,
    detail: (id: string) => [resource, 'detail', id] as const,
    list: [resource, 'list'] as const,
  };
  const afterChange = (qc: ReturnType<typeof useQueryClient>, item?: T) => {
    if (item) qc.setQueryData(keys.detail(item.id), item);
    void qc.invalidateQueries({ queryKey: keys.list });
    void qc.invalidateQueries({ queryKey: ['search'] });
    void qc.invalidateQueries({ queryKey: ['dashboard'] });
  };
  return {
    keys,
    useOne: (id: string | null | undefined) =>
      useQuery({
        queryKey: keys.detail(id ?? ''),
        queryFn: ({ signal }) => api.get<T>(`/${resource}/${id}`, undefined, signal),
        enabled: Boolean(id),
      }),
    useList: (query: Query, enabled = true) => usePagedList<T>(keys.list, `/${resource}`, query, enabled),
    useCreate: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ body, allowDuplicate }: { body: Input; allowDuplicate?: boolean }) =>
          api.post<T>(`/${resource}`, body, {
            query: allowDuplicate ? { allowDuplicate: 'true' } : undefined,
            idempotencyKey: crypto.randomUUID(),
          }),
        onSuccess: (item) => afterChange(qc, item),
      });
    },
    useUpdate: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ item, patch }: { item: T; patch: Partial<Input> }) => api.patch<T>(`/${resource}/${item.id}`, patch, item.version),
        onSuccess: (item) => afterChange(qc, item),
      });
    },
    useDelete: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (item: T) => api.delete(`/${resource}/${item.id}`),
        onSuccess: (_, item) => {
          qc.removeQueries({ queryKey: keys.detail(item.id) });
          afterChange(qc);
        },
      });
    },
  };
}

export type ClientRecords<T extends Client = Client, Input = ClientInput> = ReturnType<typeof resourceHooks<T, Input>>;

export const contactRecords = resourceHooks<Contact, ContactInput>('contacts');
export const companyRecords = resourceHooks<Company, CompanyInput>('companies');
