import { ListQuery, page } from '../common.ts';
import { Company, CompanyCreate, CompanyListQuery, CompanyPatch } from '../companies.ts';
import { Contact } from '../contacts.ts';
import { Lead } from '../leads.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'companies.list': { summary: 'List companies', query: CompanyListQuery, response: page(Company) },
  'companies.create': { summary: 'Create a company', body: CompanyCreate, response: Company, status: 201 },
  'companies.get': { summary: 'Get a company', response: Company },
  'companies.patch': { summary: 'Change a company', body: CompanyPatch, response: Company },
  'companies.delete': { summary: 'Move a company to the trash (its leads and contacts stay, without it)', status: 204 },
  'companies.contacts': { summary: "A company's contacts", query: ListQuery, response: page(Contact) },
  'companies.leads': { summary: "A company's leads", query: ListQuery, response: page(Lead) },
} as const satisfies GroupOperations<'companies'>;
