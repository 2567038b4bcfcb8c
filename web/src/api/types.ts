// The API's shapes as the web app sees them, inferred from packages/contract.
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
export type RoleRecord = z.output<typeof contract.RoleRecord>;
export type Group = z.output<typeof contract.Group>;
export type SignupRequest = z.input<typeof contract.SignupRequest>;
export type CrmEvent = z.output<typeof contract.CrmEvent>;
export type EventType = z.output<typeof contract.EventType>;
export type CustomFieldValues = z.output<typeof contract.CustomFieldValues>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type PhoneOrEmail = z.output<typeof contract.PhoneEntry>;
export type Contact = z.output<typeof contract.Contact>;
export type ContactInput = z.input<typeof contract.ContactCreate>;
export type ContactPatch = z.input<typeof contract.ContactPatch>;
export type LinkedLead = z.output<typeof contract.LinkedLead>;
export type Company = z.output<typeof contract.Company>;
export type CompanyInput = z.input<typeof contract.CompanyCreate>;
export type ClientSort = (typeof contract.CLIENT_SORTS)[number];

export type LinkedEntityType = z.output<typeof contract.RecordType>;
export type EntityRef = z.output<typeof contract.RecordRef>;
export type Task = z.output<typeof contract.Task>;
export type TaskInput = z.input<typeof contract.TaskCreate>;
export type TaskPatch = z.input<typeof contract.TaskPatch>;
export type TaskStatus = z.output<typeof contract.TaskStatus>;
export type TaskType = z.output<typeof contract.TaskType>;

export type NoteType = z.output<typeof contract.NoteType>;
export type Note = z.output<typeof contract.Note>;
/** One entry of an entity's timeline: an event, a note or a task, newest first. */
export type TimelineItem = z.output<typeof contract.TimelineItem>;

export type CustomField = z.output<typeof contract.CustomField>;
export type CustomFieldType = CustomField['type'];
export type TagInUse = z.output<typeof contract.TagInUse>;
export type SearchResult = z.output<typeof contract.SearchResult>;
export type PipelineTotals = z.output<typeof contract.PipelineTotals>;

export type Dashboard = z.output<typeof contract.Dashboard>;

export type TrashItem = z.output<typeof contract.TrashItem>;
export type TrashEntityType = z.output<typeof contract.TrashEntityType>;
export type RecordCollection = z.output<typeof contract.RecordCollection>;
export type Webhook = z.output<typeof contract.Webhook>;
export type WebhookWithSecret = z.output<typeof contract.WebhookWithSecret>;
export type WebhookCreate = z.input<typeof contract.WebhookCreate>;
export type WebhookDelivery = z.output<typeof contract.WebhookDelivery>;
export type ImportJob = z.output<typeof contract.ImportJob>;
export type ImportPreview = z.output<typeof contract.ImportPreview>;
// Incoming requests and web forms (issue 13).
export type Incoming = z.output<typeof contract.Incoming>;
export type WebForm = z.output<typeof contract.Form>;
export type WebFormCreate = z.input<typeof contract.FormCreate>;
export type WebFormPatch = z.input<typeof contract.FormPatch>;
