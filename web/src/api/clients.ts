// The client base's two record kinds, contacts and companies, read and written by one set of
// hooks over the typed client: shared by the clients feature and the lead card's parties.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallOptions, QueryOf } from '@crm/contract/client';
import { putSaved } from './cache';
import { api } from './client';
import { usePagedList } from './queries';
import type { Company, CompanyInput, Contact, ContactInput, Page } from './types';

export type ClientKind = 'contact' | 'company';
export type Client = Contact | Company;
export type ClientInput = ContactInput | CompanyInput;
export type ClientListQuery = QueryOf<'contacts.list'> | QueryOf<'companies.list'>;

interface Versioned {
  id: string;
  version: number;
}

/** The calls of one record kind that the hooks make; `api.contacts` and `api.companies` are such. */
interface RecordCalls<T, Input, ListQuery> {
  get(params: { id: string }, options?: CallOptions): Promise<T>;
  list(query?: ListQuery, options?: CallOptions): Promise<Page<T>>;
  create(body: Input, options?: CallOptions & { query?: { allowDuplicate?: boolean } }): Promise<T>;
  patch(params: { id: string }, body: Partial<Input>, options?: CallOptions): Promise<T>;
  delete(params: { id: string }): Promise<unknown>;
}

function resourceHooks<T extends Versioned, Input, ListQuery extends object>(
  resource: 'contacts' | 'companies',
  calls: RecordCalls<T, Input, ListQuery>,
) {
  const keys = {
    all: [resource] as const,
    detail: (id: string) => [resource, 'detail', id] as const,
    list: [resource, 'list'] as const,
  };
  const afterChange = (qc: ReturnType<typeof useQueryClient>, item?: T) => {
    // In the lists too: a row edited again before their refetch lands goes with the new version.
    if (item) putSaved(qc, keys.all, item);
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
        queryFn: ({ signal }) => calls.get({ id: id! }, { signal }),
        enabled: Boolean(id),
      }),
    useList: (query: ListQuery, enabled = true) =>
      usePagedList([...keys.list, query], (page, signal) => calls.list({ ...page, ...query }, { signal }), { enabled }),
    useCreate: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ body, allowDuplicate }: { body: Input; allowDuplicate?: boolean }) =>
          calls.create(body, { query: allowDuplicate ? { allowDuplicate } : undefined, idempotencyKey: crypto.randomUUID() }),
        onSuccess: (item) => afterChange(qc, item),
      });
    },
    useUpdate: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ item, patch }: { item: T; patch: Partial<Input> }) => calls.patch({ id: item.id }, patch, { ifMatch: item.version }),
        onSuccess: (item) => afterChange(qc, item),
      });
    },
    useDelete: () => {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (item: T) => calls.delete({ id: item.id }),
        onSuccess: (_, item) => {
          qc.removeQueries({ queryKey: keys.detail(item.id) });
          afterChange(qc);
        },
      });
    },
  };
}

export type ClientRecords<T extends Client = Client, Input = ClientInput, ListQuery extends object = ClientListQuery> = ReturnType<
  typeof resourceHooks<T, Input, ListQuery>
>;

export const contactRecords = resourceHooks<Contact, ContactInput, QueryOf<'contacts.list'>>('contacts', api.contacts);
export const companyRecords = resourceHooks<Company, CompanyInput, QueryOf<'companies.list'>>('companies', api.companies);
