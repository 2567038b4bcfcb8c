import { page } from '../common.ts';
import { Lead, LeadCreate, LeadListQuery, LeadPatch } from '../leads.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'leads.list': { summary: 'List leads', query: LeadListQuery, response: page(Lead) },
  'leads.create': { summary: 'Create a lead', body: LeadCreate, response: Lead, status: 201 },
  'leads.get': { summary: 'Get a lead', response: Lead },
  'leads.patch': { summary: 'Change or move a lead', body: LeadPatch, response: Lead },
  'leads.delete': { summary: 'Move a lead to the trash', status: 204 },
} as const satisfies GroupOperations<'leads'>;
