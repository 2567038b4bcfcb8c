// THE route table. The local API Gateway emulator, the CDK api stack and the OpenAPI
// document all read it; each `resource` is one entry file in handlers/ and one Lambda.
import * as z from 'zod';
import * as c from '@crm/contract';
import type { RouteDef } from '@crm/contract';


export const routes = [
  // public
  { method: 'GET', path: '/api/v1/health', resource: 'health', public: true, summary: 'Liveness', response: z.object({ status: z.literal('ok') }) },
  { method: 'GET', path: '/api/v1/openapi.json', resource: 'openapi', public: true, summary: 'This document' },
  { method: 'POST', path: '/api/v1/signup', resource: 'signup', public: true, summary: 'Create an account and its admin', body: c.SignupRequest, response: c.SignupResponse, status: 201 },

  // accounts and users
  { method: 'GET', path: '/api/v1/me', resource: 'me', summary: 'The caller and their account', response: c.Me },
  { method: 'GET', path: '/api/v1/users', resource: 'users', summary: 'List users', query: c.UserListQuery, response: c.page(c.User) },
  { method: 'POST', path: '/api/v1/users', resource: 'users', summary: 'Invite a user (admin)', body: c.UserCreate, response: c.User, status: 201 },
  { method: 'GET', path: '/api/v1/users/{id}', resource: 'users', summary: 'Get a user', response: c.User },
  { method: 'PATCH', path: '/api/v1/users/{id}', resource: 'users', summary: 'Change a user (admin)', body: c.UserPatch, response: c.User },
  { method: 'DELETE', path: '/api/v1/users/{id}', resource: 'users', summary: 'Deactivate a user (admin)', status: 204 },

  // pipelines and stages
  { method: 'GET', path: '/api/v1/pipelines', resource: 'pipelines', summary: 'List pipelines', query: c.PipelineListQuery, response: c.page(c.Pipeline) },
  { method: 'POST', path: '/api/v1/pipelines', resource: 'pipelines', summary: 'Create a pipeline (won and lost are added)', body: c.PipelineCreate, response: c.Pipeline, status: 201 },
  { method: 'GET', path: '/api/v1/pipelines/{id}', resource: 'pipelines', summary: 'Get a pipeline', response: c.Pipeline },
  { method: 'GET', path: '/api/v1/pipelines/{id}/totals', resource: 'pipelines', summary: 'Count and sum of leads per stage', response: c.PipelineTotals },
  { method: 'PATCH', path: '/api/v1/pipelines/{id}', resource: 'pipelines', summary: 'Rename or reorder a pipeline', body: c.PipelinePatch, response: c.Pipeline },
  { method: 'DELETE', path: '/api/v1/pipelines/{id}', resource: 'pipelines', summary: 'Delete an empty pipeline', status: 204 },
  { method: 'POST', path: '/api/v1/pipelines/{id}/stages', resource: 'pipelines', summary: 'Add a stage', body: c.StageCreate, response: c.Pipeline, status: 201 },
  { method: 'PATCH', path: '/api/v1/pipelines/{id}/stages/{stageId}', resource: 'pipelines', summary: 'Change a stage', body: c.StagePatch, response: c.Pipeline },
  { method: 'DELETE', path: '/api/v1/pipelines/{id}/stages/{stageId}', resource: 'pipelines', summary: 'Delete an empty stage', status: 204 },

  // leads
  { method: 'GET', path: '/api/v1/leads', resource: 'leads', summary: 'List leads', query: c.LeadListQuery, response: c.page(c.Lead) },
  { method: 'POST', path: '/api/v1/leads', resource: 'leads', summary: 'Create a lead', body: c.LeadCreate, response: c.Lead, status: 201 },
  { method: 'GET', path: '/api/v1/leads/{id}', resource: 'leads', summary: 'Get a lead', response: c.Lead },
  { method: 'PATCH', path: '/api/v1/leads/{id}', resource: 'leads', summary: 'Change or move a lead', body: c.LeadPatch, response: c.Lead },
  { method: 'DELETE', path: '/api/v1/leads/{id}', resource: 'leads', summary: 'Move a lead to the trash', status: 204 },

  // contacts, companies and their links
  { method: 'GET', path: '/api/v1/contacts', resource: 'contacts', summary: 'List contacts', query: c.ContactListQuery, response: c.page(c.Contact) },
  { method: 'POST', path: '/api/v1/contacts', resource: 'contacts', summary: 'Create a contact (409 with existingId on a known phone or e-mail, unless allowDuplicate)', query: c.ContactWriteQuery, body: c.ContactCreate, response: c.Contact, status: 201 },
  { method: 'GET', path: '/api/v1/contacts/{id}', resource: 'contacts', summary: 'Get a contact', response: c.Contact },
  { method: 'PATCH', path: '/api/v1/contacts/{id}', resource: 'contacts', summary: 'Change a contact', query: c.ContactWriteQuery, body: c.ContactPatch, response: c.Contact },
  { method: 'DELETE', path: '/api/v1/contacts/{id}', resource: 'contacts', summary: 'Move a contact to the trash (it leaves its leads)', status: 204 },
  { method: 'GET', path: '/api/v1/contacts/{id}/leads', resource: 'contacts', summary: "A contact's leads", query: c.ListQuery, response: c.page(c.LinkedLead) },
  { method: 'GET', path: '/api/v1/companies', resource: 'companies', summary: 'List companies', query: c.CompanyListQuery, response: c.page(c.Company) },
  { method: 'POST', path: '/api/v1/companies', resource: 'companies', summary: 'Create a company', body: c.CompanyCreate, response: c.Company, status: 201 },
  { method: 'GET', path: '/api/v1/companies/{id}', resource: 'companies', summary: 'Get a company', response: c.Company },
  { method: 'PATCH', path: '/api/v1/companies/{id}', resource: 'companies', summary: 'Change a company', body: c.CompanyPatch, response: c.Company },
  { method: 'DELETE', path: '/api/v1/companies/{id}', resource: 'companies', summary: 'Move a company to the trash (its leads and contacts stay, without it)', status: 204 },
  { method: 'GET', path: '/api/v1/companies/{id}/contacts', resource: 'companies', summary: "A company's contacts", query: c.ListQuery, response: c.page(c.Contact) },
  { method: 'GET', path: '/api/v1/companies/{id}/leads', resource: 'companies', summary: "A company's leads", query: c.ListQuery, response: c.page(c.Lead) },

  // trash
  { method: 'GET', path: '/api/v1/trash', resource: 'trash', summary: 'Deleted leads, contacts and companies, newest first', query: c.TrashListQuery, response: c.page(c.TrashItem) },
  { method: 'POST', path: '/api/v1/trash/{entityType}/{id}/restore', resource: 'trash', summary: 'Restore a lead, contact or company with its links', response: c.Restored },

  // custom fields, tags in use, search
  { method: 'GET', path: '/api/v1/custom-fields', resource: 'custom-fields', summary: 'List custom fields', query: c.CustomFieldListQuery, response: c.page(c.CustomField) },
  { method: 'POST', path: '/api/v1/custom-fields', resource: 'custom-fields', summary: 'Add a custom field (admin)', body: c.CustomFieldCreate, response: c.CustomField, status: 201 },
  { method: 'GET', path: '/api/v1/custom-fields/{id}', resource: 'custom-fields', summary: 'Get a custom field', response: c.CustomField },
  { method: 'PATCH', path: '/api/v1/custom-fields/{id}', resource: 'custom-fields', summary: 'Rename a custom field, change its options or whether it is required (admin)', body: c.CustomFieldPatch, response: c.CustomField },
  { method: 'DELETE', path: '/api/v1/custom-fields/{id}', resource: 'custom-fields', summary: 'Delete a custom field (admin)', status: 204 },
  { method: 'GET', path: '/api/v1/tags', resource: 'tags', summary: 'Tags in use, with counts', query: c.TagListQuery, response: c.page(c.TagInUse) },
  { method: 'GET', path: '/api/v1/search', resource: 'search', summary: 'Leads, contacts and companies by name prefix, phone digits or e-mail', query: c.SearchQuery, response: c.SearchResult },

  // tasks and task types
  { method: 'GET', path: '/api/v1/tasks', resource: 'tasks', summary: 'List tasks by status (open, completed, overdue), due range, responsible or linked record', query: c.TaskListQuery, response: c.page(c.Task) },
  { method: 'POST', path: '/api/v1/tasks', resource: 'tasks', summary: 'Create a task', body: c.TaskCreate, response: c.Task, status: 201 },
  { method: 'GET', path: '/api/v1/tasks/{id}', resource: 'tasks', summary: 'Get a task', response: c.Task },
  { method: 'PATCH', path: '/api/v1/tasks/{id}', resource: 'tasks', summary: 'Change or reschedule a task', body: c.TaskPatch, response: c.Task },
  { method: 'DELETE', path: '/api/v1/tasks/{id}', resource: 'tasks', summary: 'Delete a task', status: 204 },
  { method: 'POST', path: '/api/v1/tasks/{id}/complete', resource: 'tasks', summary: 'Complete a task with a result', body: c.TaskComplete, response: c.Task },
  { method: 'GET', path: '/api/v1/task-types', resource: 'task-types', summary: 'List task types', query: c.TaskTypeListQuery, response: c.page(c.TaskType) },
  { method: 'POST', path: '/api/v1/task-types', resource: 'task-types', summary: 'Add a task type (admin)', body: c.TaskTypeCreate, response: c.TaskType, status: 201 },
  { method: 'GET', path: '/api/v1/task-types/{id}', resource: 'task-types', summary: 'Get a task type', response: c.TaskType },
  { method: 'PATCH', path: '/api/v1/task-types/{id}', resource: 'task-types', summary: 'Rename or recolour a task type (admin)', body: c.TaskTypePatch, response: c.TaskType },
  { method: 'DELETE', path: '/api/v1/task-types/{id}', resource: 'task-types', summary: 'Delete a task type no open task uses (admin; 409 otherwise)', status: 204 },

  // notes on leads, contacts and companies
  { method: 'GET', path: '/api/v1/leads/{id}/notes', resource: 'notes', summary: "A lead's notes, newest first", query: c.NoteListQuery, response: c.page(c.Note) },
  { method: 'POST', path: '/api/v1/leads/{id}/notes', resource: 'notes', summary: 'Add a note to a lead', body: c.NoteCreate, response: c.Note, status: 201 },
  { method: 'GET', path: '/api/v1/leads/{id}/notes/{noteId}', resource: 'notes', summary: "Get a lead's note", response: c.Note },
  { method: 'GET', path: '/api/v1/contacts/{id}/notes', resource: 'notes', summary: "A contact's notes, newest first", query: c.NoteListQuery, response: c.page(c.Note) },
  { method: 'POST', path: '/api/v1/contacts/{id}/notes', resource: 'notes', summary: 'Add a note to a contact', body: c.NoteCreate, response: c.Note, status: 201 },
  { method: 'GET', path: '/api/v1/contacts/{id}/notes/{noteId}', resource: 'notes', summary: "Get a contact's note", response: c.Note },
  { method: 'GET', path: '/api/v1/companies/{id}/notes', resource: 'notes', summary: "A company's notes, newest first", query: c.NoteListQuery, response: c.page(c.Note) },
  { method: 'POST', path: '/api/v1/companies/{id}/notes', resource: 'notes', summary: 'Add a note to a company', body: c.NoteCreate, response: c.Note, status: 201 },
  { method: 'GET', path: '/api/v1/companies/{id}/notes/{noteId}', resource: 'notes', summary: "Get a company's note", response: c.Note },

  // timelines: events, notes and tasks of a record, newest first
  { method: 'GET', path: '/api/v1/leads/{id}/timeline', resource: 'timeline', summary: "A lead's events, notes and tasks, newest first", query: c.TimelineQuery, response: c.page(c.TimelineItem) },
  { method: 'GET', path: '/api/v1/contacts/{id}/timeline', resource: 'timeline', summary: "A contact's events, notes and tasks, newest first", query: c.TimelineQuery, response: c.page(c.TimelineItem) },
  { method: 'GET', path: '/api/v1/companies/{id}/timeline', resource: 'timeline', summary: "A company's events, notes and tasks, newest first", query: c.TimelineQuery, response: c.page(c.TimelineItem) },

  // desktop
  { method: 'GET', path: '/api/v1/dashboard', resource: 'dashboard', summary: 'Open deals, due tasks, new leads, latest events', response: c.Dashboard },

  // event log
  { method: 'GET', path: '/api/v1/events', resource: 'events', summary: 'The event log', query: c.EventListQuery, response: c.page(c.CrmEvent) },
] as const satisfies readonly RouteDef[];

export type Route = (typeof routes)[number];
export type RouteKey = `${Route['method']} ${Route['path']}`;
export const routeKey = (r: RouteDef) => `${r.method} ${r.path}`;
