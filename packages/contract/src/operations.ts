// THE operation table: every operation of the API by id, with its method and path (from
// endpoints.ts), summary, schemas and success status. functions/routes.ts groups the
// operations into Lambdas; the typed client and the OpenAPI document are derived from it.
import * as z from 'zod';
import * as c from './schemas.ts';
import { endpoints, perRecordKind, type Endpoints, type OperationId, type RecordKind } from './endpoints.ts';

/** What an operation says beyond where it is reached. */
export interface OperationSchemas {
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Success status; 200 unless said. */
  status?: number;
  /** Media type of the answer when it is not JSON (e.g. text/csv). */
  produces?: string;
}

const one: Record<RecordKind, string> = { leads: 'lead', contacts: 'contact', companies: 'company' };

const operationSchemas = {
  health: { summary: 'Liveness', response: z.object({ status: z.literal('ok') }) },
  openapi: { summary: 'This document' },
  signup: { summary: 'Create an account and its admin', body: c.SignupRequest, response: c.SignupResponse, status: 201 },

  me: { summary: 'The caller and their account', response: c.Me },
  'users.list': { summary: 'List users', query: c.UserListQuery, response: c.page(c.User) },
  'users.create': { summary: 'Invite a user (admin)', body: c.UserCreate, response: c.User, status: 201 },
  'users.get': { summary: 'Get a user', response: c.User },
  'users.patch': { summary: 'Change a user (admin)', body: c.UserPatch, response: c.User },
  'users.delete': { summary: 'Deactivate a user (admin)', status: 204 },
  'roles.list': { summary: 'List roles, the built-in admin and manager first', query: c.ListQuery, response: c.page(c.RoleRecord) },
  'roles.create': { summary: 'Create a custom role (admin)', body: c.RoleCreate, response: c.RoleRecord, status: 201 },
  'roles.get': { summary: 'Get a role', response: c.RoleRecord },
  'roles.patch': { summary: 'Rename a custom role or change its rights (admin)', body: c.RolePatch, response: c.RoleRecord },
  'roles.delete': { summary: 'Delete a custom role no user has (admin)', status: 204 },
  'groups.list': { summary: 'List groups', query: c.ListQuery, response: c.page(c.Group) },
  'groups.create': { summary: 'Create a group (admin)', body: c.GroupCreate, response: c.Group, status: 201 },
  'groups.get': { summary: 'Get a group', response: c.Group },
  'groups.patch': { summary: 'Rename a group or change its head (admin)', body: c.GroupPatch, response: c.Group },
  'groups.delete': { summary: 'Delete a group no user is in (admin)', status: 204 },

  'pipelines.list': { summary: 'List pipelines', query: c.PipelineListQuery, response: c.page(c.Pipeline) },
  'pipelines.create': { summary: 'Create a pipeline (won and lost are added)', body: c.PipelineCreate, response: c.Pipeline, status: 201 },
  'pipelines.get': { summary: 'Get a pipeline', response: c.Pipeline },
  'pipelines.totals': { summary: 'Count and sum of leads per stage', response: c.PipelineTotals },
  'pipelines.patch': { summary: 'Rename or reorder a pipeline', body: c.PipelinePatch, response: c.Pipeline },
  'pipelines.delete': { summary: 'Delete an empty pipeline', status: 204 },
  'pipelines.stages.add': { summary: 'Add a stage', body: c.StageCreate, response: c.Pipeline, status: 201 },
  'pipelines.stages.patch': { summary: 'Change a stage', body: c.StagePatch, response: c.Pipeline },
  'pipelines.stages.delete': { summary: 'Delete an empty stage', status: 204 },
  'pipelines.stages.remove': {
    summary: 'Remove a stage, moving its leads to another stage of the pipeline in the background (202; the stage goes when empty)',
    body: c.StageRemove,
    response: c.Pipeline,
    status: 202,
  },

  'leads.list': { summary: 'List leads', query: c.LeadListQuery, response: c.page(c.Lead) },
  'leads.create': { summary: 'Create a lead', body: c.LeadCreate, response: c.Lead, status: 201 },
  'leads.get': { summary: 'Get a lead', response: c.Lead },
  'leads.patch': { summary: 'Change or move a lead', body: c.LeadPatch, response: c.Lead },
  'leads.delete': { summary: 'Move a lead to the trash', status: 204 },

  'contacts.list': { summary: 'List contacts', query: c.ContactListQuery, response: c.page(c.Contact) },
  'contacts.create': {
    summary: 'Create a contact (409 with existingId on a known phone or e-mail, unless allowDuplicate)',
    query: c.ContactWriteQuery,
    body: c.ContactCreate,
    response: c.Contact,
    status: 201,
  },
  'contacts.get': { summary: 'Get a contact', response: c.Contact },
  'contacts.patch': { summary: 'Change a contact', query: c.ContactWriteQuery, body: c.ContactPatch, response: c.Contact },
  'contacts.delete': { summary: 'Move a contact to the trash (it leaves its leads)', status: 204 },
  'contacts.leads': { summary: "A contact's leads", query: c.ListQuery, response: c.page(c.LinkedLead) },
  'companies.list': { summary: 'List companies', query: c.CompanyListQuery, response: c.page(c.Company) },
  'companies.create': { summary: 'Create a company', body: c.CompanyCreate, response: c.Company, status: 201 },
  'companies.get': { summary: 'Get a company', response: c.Company },
  'companies.patch': { summary: 'Change a company', body: c.CompanyPatch, response: c.Company },
  'companies.delete': { summary: 'Move a company to the trash (its leads and contacts stay, without it)', status: 204 },
  'companies.contacts': { summary: "A company's contacts", query: c.ListQuery, response: c.page(c.Contact) },
  'companies.leads': { summary: "A company's leads", query: c.ListQuery, response: c.page(c.Lead) },

  'trash.list': { summary: 'Deleted leads, contacts and companies, newest first', query: c.TrashListQuery, response: c.page(c.TrashItem) },
  'trash.restore': { summary: 'Restore a lead, contact or company with its links', response: c.Restored },

  'customFields.list': { summary: 'List custom fields', query: c.CustomFieldListQuery, response: c.page(c.CustomField) },
  'customFields.create': { summary: 'Add a custom field (admin)', body: c.CustomFieldCreate, response: c.CustomField, status: 201 },
  'customFields.get': { summary: 'Get a custom field', response: c.CustomField },
  'customFields.patch': {
    summary: 'Rename a custom field, change its options or whether it is required (admin)',
    body: c.CustomFieldPatch,
    response: c.CustomField,
  },
  'customFields.delete': { summary: 'Delete a custom field (admin)', status: 204 },
  'tags.list': { summary: 'Tags in use, with counts', query: c.TagListQuery, response: c.page(c.TagInUse) },
  search: {
    summary: 'Leads, contacts and companies by name prefix, phone digits or e-mail',
    query: c.SearchQuery,
    response: c.SearchResult,
  },

  'tasks.list': {
    summary: 'List tasks by status (open, completed, overdue), due range, responsible or linked record',
    query: c.TaskListQuery,
    response: c.page(c.Task),
  },
  'tasks.create': { summary: 'Create a task', body: c.TaskCreate, response: c.Task, status: 201 },
  'tasks.get': { summary: 'Get a task', response: c.Task },
  'tasks.patch': { summary: 'Change or reschedule a task', body: c.TaskPatch, response: c.Task },
  'tasks.delete': { summary: 'Delete a task', status: 204 },
  'tasks.complete': { summary: 'Complete a task with a result', body: c.TaskComplete, response: c.Task },
  'taskTypes.list': { summary: 'List task types', query: c.TaskTypeListQuery, response: c.page(c.TaskType) },
  'taskTypes.create': { summary: 'Add a task type (admin)', body: c.TaskTypeCreate, response: c.TaskType, status: 201 },
  'taskTypes.get': { summary: 'Get a task type', response: c.TaskType },
  'taskTypes.patch': { summary: 'Rename or recolour a task type (admin)', body: c.TaskTypePatch, response: c.TaskType },
  'taskTypes.delete': { summary: 'Delete a task type no open task uses (admin; 409 otherwise)', status: 204 },

  // Notes and the timeline are the same under each record kind.
  ...perRecordKind((kind) => ({
    'notes.list': { summary: `A ${one[kind]}'s notes, newest first`, query: c.NoteListQuery, response: c.page(c.Note) },
    'notes.create': { summary: `Add a note to a ${one[kind]}`, body: c.NoteCreate, response: c.Note, status: 201 },
    'notes.get': { summary: `Get a ${one[kind]}'s note`, response: c.Note },
    timeline: {
      summary: `A ${one[kind]}'s events, notes and tasks, newest first`,
      query: c.TimelineQuery,
      response: c.page(c.TimelineItem),
    },
  })),

  dashboard: { summary: 'Open deals, due tasks, new leads, latest events', response: c.Dashboard },
  'events.list': { summary: 'The event log', query: c.EventListQuery, response: c.page(c.CrmEvent) },

  'analytics.funnel': {
    summary: 'The sales funnel of a pipeline: leads per stage now, reached and conversion',
    query: c.FunnelQuery,
    response: c.Funnel,
  },
  'analytics.summary': { summary: 'Leads created, won and lost per day, week or month', query: c.SummaryQuery, response: c.Summary },
  'analytics.managers': { summary: "Each manager's leads, tasks and contacts", query: c.ManagersQuery, response: c.Managers },
  'settings.get': { summary: "The account's settings (admin)", response: c.AccountSettings },
  'settings.patch': {
    summary:
      "Change the account's name, currency, time zone, locale or IP allow-list (admin; a list without the caller's own address is a 409)",
    body: c.AccountSettingsPatch,
    response: c.AccountSettings,
  },
  'sessions.create': {
    summary: "Record the caller's sign-in (time, address, device), once per token's auth_time; the web app calls it after sign-in",
    response: c.SessionRecorded,
    status: 201,
  },
  'loginHistory.list': {
    summary: 'Sign-ins of the account, newest first (admin)',
    query: c.LoginHistoryQuery,
    response: c.page(c.LoginEntry),
  },
  usage: { summary: "This month's users, records and API requests, with an AWS cost estimate (admin)", response: c.Usage },
  'webhooks.list': { summary: 'List webhooks (admin)', query: c.WebhookListQuery, response: c.page(c.Webhook) },
  'webhooks.create': {
    summary: 'Subscribe a URL to event types (admin); the answer shows the signing secret, once',
    body: c.WebhookCreate,
    response: c.WebhookWithSecret,
    status: 201,
  },
  'webhooks.get': { summary: 'Get a webhook (admin)', response: c.Webhook },
  'webhooks.patch': { summary: 'Change a webhook, switch it on or off (admin)', body: c.WebhookPatch, response: c.Webhook },
  'webhooks.delete': { summary: 'Delete a webhook (admin)', status: 204 },
  'webhooks.rotateSecret': {
    summary: 'A new signing secret, shown once; the old one signs beside it for the grace period (admin)',
    body: c.RotateSecret,
    response: c.WebhookWithSecret,
  },
  'webhooks.deliveries': {
    summary: "A webhook's deliveries, newest first, with every attempt (admin)",
    query: c.DeliveryListQuery,
    response: c.page(c.WebhookDelivery),
  },
  'webhooks.resend': {
    summary: 'Send a delivery again now, as a new series of attempts (admin)',
    response: c.WebhookDelivery,
    status: 202,
  },
  'apiKeys.list': { summary: 'API keys, without their secrets (admin)', query: c.ApiKeyListQuery, response: c.page(c.ApiKey) },
  'apiKeys.create': { summary: 'Create an API key, shown once (admin)', body: c.ApiKeyCreate, response: c.CreatedApiKey, status: 201 },
  'apiKeys.delete': { summary: 'Revoke an API key at once (admin)', status: 204 },
  'notifications.list': {
    summary: "The caller's notifications, newest first, with the unread count",
    query: c.NotificationListQuery,
    response: c.NotificationPage,
  },
  'notifications.read': { summary: 'Mark a notification read', response: c.Notification },
  'notifications.readAll': { summary: 'Mark all notifications read', response: c.ReadAll },
  'automations.list': { summary: "A pipeline's stage automations (admin)", query: c.AutomationListQuery, response: c.page(c.Automation) },
  'automations.create': { summary: 'Add a stage automation (admin)', body: c.AutomationCreate, response: c.Automation, status: 201 },
  'automations.get': { summary: 'Get an automation (admin)', response: c.Automation },
  'automations.patch': { summary: 'Change an automation (admin)', body: c.AutomationPatch, response: c.Automation },
  'automations.delete': { summary: 'Delete an automation (admin)', status: 204 },
  'imports.list': { summary: 'Recent imports, newest first', query: c.ImportListQuery, response: c.page(c.ImportJob) },
  'imports.create': {
    summary: 'Import a small CSV at once, or open an import of a bigger file (answers its uploadUrl)',
    body: c.ImportCreate,
    response: c.ImportJob,
    status: 201,
  },
  'imports.get': { summary: 'An import and its progress', response: c.ImportJob },
  'imports.preview': { summary: "The uploaded file's columns, first rows and proposed mapping", response: c.ImportPreview },
  'imports.start': { summary: 'Start an import after its upload', body: c.ImportStart, response: c.ImportJob },
  'imports.cancel': { summary: 'Stop an import (what is in stays)', response: c.ImportJob },
  'imports.undo': {
    summary:
      "Move an import's records to the trash (within 7 days), in the background (202; the job's undoStatus and undone show progress)",
    response: c.ImportJob,
    status: 202,
  },
  'imports.failedRows': { summary: 'The failed rows as CSV, to fix and import again', produces: 'text/csv' },
  'exports.download': { summary: 'A list with its filters as CSV or XLSX', query: c.ExportQuery, produces: 'text/csv' },
  'widgets.list': {
    summary: 'The installed widgets, their manifests and their settings for the account (secrets never)',
    response: c.WidgetList,
  },
  'widgets.put': {
    summary: 'Enable or disable a widget and save its settings (admin); a secret left out keeps its stored value',
    body: c.WidgetPut,
    response: c.Widget,
  },
  'widgets.action': {
    summary: "Run a widget's card action (Call, Send SMS) on a lead or contact the caller may view",
    body: c.WidgetActionRun,
    response: c.WidgetActionResult,
    status: 202,
  },
  'widgetInbound.calls': {
    summary: "The PBX's call report (public, the account's call key): a known number gets a call note, an unknown one an incoming request",
    body: c.CallReport,
    response: c.CallRecorded,
    status: 202,
  },
  'widgetInbound.post': {
    summary: "A widget's public endpoint (its own protocol: JSON or form-encoded), keyed by the account's inbound key",
    response: c.InboundAnswer,
  },
  'widgetInbound.hook': {
    summary: "A widget's named public endpoint, e.g. the SMS gateway's delivery status callback",
    response: c.InboundAnswer,
  },
  'incoming.list': {
    summary: 'Incoming requests (forms, calls, mail, chats), newest first, with the count of new ones',
    query: c.IncomingListQuery,
    response: c.IncomingPage,
  },
  'incoming.get': { summary: 'Get an incoming request', response: c.Incoming },
  'incoming.accept': {
    summary: 'Accept a request: a lead with its contact (the known one by phone or e-mail, else a new one)',
    body: c.IncomingAccept,
    response: c.Lead,
    status: 201,
  },
  'incoming.attach': {
    summary: "Accept a request into a lead that exists: its contact joins the lead, its message becomes the lead's note",
    body: c.IncomingAttach,
    response: c.Lead,
  },
  'incoming.decline': { summary: 'Decline a request', response: c.Incoming },
  'forms.list': { summary: 'Web forms (admin)', query: c.FormListQuery, response: c.page(c.Form) },
  'forms.create': { summary: 'Create a web form with its public key (admin)', body: c.FormCreate, response: c.Form, status: 201 },
  'forms.get': { summary: 'Get a web form (admin)', response: c.Form },
  'forms.patch': { summary: 'Change a web form (admin)', body: c.FormPatch, response: c.Form },
  'forms.delete': { summary: 'Delete a web form; its key stops working (admin)', status: 204 },
  'formInbound.submit': {
    summary:
      'Post a web form (public, by its key): 202 and an incoming request; 429 with Retry-After over the per-form or per-address limit; a bot post is dropped, still 202',
    body: c.FormSubmission,
    response: c.FormAccepted,
    status: 202,
  },
  'formInbound.fields': { summary: "A web form's name, fields and thank-you text (public, by its key)", response: c.PublicForm },
  'formInbound.page': { summary: 'The hosted page of a web form (public, by its key)', produces: 'text/html' },
} as const satisfies Record<OperationId, OperationSchemas>;

type Schemas = typeof operationSchemas;

// endpoints.ts says, as plain data for the client, whether a call passes a body or a query; it must agree with the schemas.
type InputOf<S> = S extends { body: z.ZodType } ? 'body' : S extends { query: z.ZodType } ? 'query' : undefined;
type DeclaredInput<E> = E extends { input: infer I } ? I : undefined;
type InputDisagrees = { [Id in OperationId]: [InputOf<Schemas[Id]>] extends [DeclaredInput<Endpoints[Id]>] ? never : Id }[OperationId];
const inputsAgree: [InputDisagrees] extends [never] ? true : { disagree: InputDisagrees } = true;
void inputsAgree;
export type Operations = { readonly [Id in OperationId]: Endpoints[Id] & Schemas[Id] };
export type Operation = Operations[OperationId];

/** Every operation, keyed by id, in the order of endpoints.ts. */
export const operations = Object.fromEntries(
  (Object.keys(endpoints) as OperationId[]).map((id) => [id, { ...endpoints[id], ...operationSchemas[id] }]),
  // Through unknown: with this many operations TypeScript gives up comparing the two shapes.
) as unknown as Operations;
