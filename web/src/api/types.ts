// The API's shapes as the web app sees them. Where packages/contract has the schema, the type
// is inferred from it; the rest follow shared/API-CONTRACT.md until their schemas land.
import type { z } from 'zod';
import type * as contract from '@crm/contract';

export type Lead = z.output<typeof contract.Lead>;
export type LeadCreate = z.input<typeof contract.LeadCreate>;
export type LeadPatch = z.input<typeof contract.LeadPatch>;
export type LeadListQuery = Partial<z.input<typeof contract.LeadListQuery>>;
export type LeadSort = (typeof contract.LEAD_SORTS)[number];
export type LeadStatus = z.output<typeof contract.LeadStatus>;
export type Pipeline = z.output<typeof contract.Pipeline>;
export type Stage = z.output<typeof contract.Stage>;
export type Me = z.output<typeof contract.Me>;
export type Account = z.output<typeof contract.Account>;
export type User = z.output<typeof contract.User>;
export type SignupRequest = z.input<typeof contract.SignupRequest>;
export type CrmEvent = z.output<typeof contract.CrmEvent>;
export type EventType = z.output<typeof contract.EventType>;
export type CustomFieldValues = z.output<typeof contract.CustomFieldValues>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Entity {
  id: string;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  version: number;
}

export interface PhoneOrEmail {
  value: string;
  type: string;
}

export interface Contact extends Entity {
  name: string;
  phones: PhoneOrEmail[];
  emails: PhoneOrEmail[];
  position: string | null;
  companyId: string | null;
  responsibleUserId: string;
  tags: string[];
  customFields: CustomFieldValues;
  nearestTaskAt?: string | null;
}
export type ContactInput = Partial<Omit<Contact, keyof Entity | 'nearestTaskAt'>> & { name: string };

export interface Company extends Entity {
  name: string;
  phones: PhoneOrEmail[];
  emails: PhoneOrEmail[];
  website: string | null;
  address: string | null;
  responsibleUserId: string;
  tags: string[];
  customFields: CustomFieldValues;
  nearestTaskAt?: string | null;
}
export type CompanyInput = Partial<Omit<Company, keyof Entity | 'nearestTaskAt'>> & { name: string };

export type LinkedEntityType = 'lead' | 'contact' | 'company';
export interface EntityRef {
  type: LinkedEntityType;
  id: string;
}

export interface Task extends Entity {
  text: string;
  typeId: string;
  dueAt: string;
  responsibleUserId: string;
  entity: EntityRef | null;
  completedAt: string | null;
  result: string | null;
}
export interface TaskInput {
  text: string;
  typeId?: string;
  dueAt: string;
  responsibleUserId?: string;
  entity?: EntityRef | null;
}
export type TaskStatus = 'open' | 'completed' | 'overdue';

export interface TaskType {
  id: string;
  name: string;
  color: string;
}

export type NoteType = 'common' | 'call_in' | 'call_out' | 'sms' | 'email';
export interface Note {
  id: string;
  text: string;
  type: NoteType;
  createdAt: string;
  createdBy: string;
}

/** One entry of an entity's timeline: an event, a note or a task, newest first. */
export interface TimelineItem {
  kind?: 'event' | 'note' | 'task';
  type?: string;
  id: string;
  at?: string;
  occurredAt?: string;
  createdAt?: string;
  [field: string]: unknown;
}

export type CustomFieldType = 'text' | 'number' | 'select' | 'multiselect' | 'date' | 'url' | 'checkbox';
export interface CustomField {
  id: string;
  entityType: 'leads' | 'contacts' | 'companies';
  name: string;
  type: CustomFieldType;
  options?: string[];
  required?: boolean;
}

export interface SearchResult {
  leads: Lead[];
  contacts: Contact[];
  companies: Company[];
}

export interface Dashboard {
  openLeads: number;
  openAmount: number;
  tasksToday: number;
  tasksOverdue: number;
  newLeadsThisWeek: number;
  recentEvents: CrmEvent[];
}

export interface Funnel {
  stages: { stageId: string; name: string; count: number; amount: number; conversion: number }[];
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
}

export interface AccountSettings {
  name: string;
  currency: string;
  timezone: string;
  locale: string;
  ipAllowlist: string[];
}
