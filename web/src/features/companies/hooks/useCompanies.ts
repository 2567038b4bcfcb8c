import { resourceHooks } from '@/api/entityHooks';
import type { Company, CompanyInput } from '@/api/types';

export const companiesApi = resourceHooks<Company, CompanyInput>('companies');
export const { useOne: useCompany, useList: useCompanyList, useCreate: useCreateCompany, useUpdate: useUpdateCompany, useDelete: useDeleteCompany } = companiesApi;
