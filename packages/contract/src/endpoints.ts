// Where each operation of the API is reached: its id, method and path, as plain data. The
// typed client's runtime reads only this file (no zod); each group's file in operations/ adds
// the schemas of its entries, and operations.ts checks that the two agree.

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Endpoint {
  readonly method: HttpMethod;
  /** API Gateway path, with `{param}` placeholders. */
  readonly path: string;
  /** Public operations skip the token check (the contract lists them). */
  readonly public?: true;
  /**
   * What a call passes after the path parameters: a JSON body or the query (a query beside a
   * body goes in the call's options). operations.ts fails to compile when it disagrees with the schemas.
   */
  readonly input?: 'body' | 'query';
}

/** An operation as served: with the Lambda that serves it (functions/routes.ts), which tags it in the OpenAPI document. */
export interface RouteDef extends Endpoint {
  /** Entry file functions/handlers/<resource>.ts: one Lambda per resource. */
  resource: string;
}

/** The record kinds that carry notes and a timeline, as their collections are named in paths. */
export const RECORD_KINDS = ['leads', 'contacts', 'companies'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** A record kind's name in summaries. */
export const RECORD_NAMES: Record<RecordKind, string> = { leads: 'lead', contacts: 'contact', companies: 'company' };

/** `{ name: value }` made for every record kind, keyed `<kind>.<name>` (`leads.notes.list`). */
export type PerRecordKind<E> = {
  [Id in `${RecordKind}.${keyof E & string}`]: Id extends `${RecordKind}.${infer Name extends keyof E & string}` ? E[Name] : never;
};

export function perRecordKind<const E extends object>(make: (kind: RecordKind) => E): PerRecordKind<E> {
  return Object.fromEntries(
    RECORD_KINDS.flatMap((kind) => Object.entries(make(kind)).map(([name, value]) => [`${kind}.${name}`, value])),
  ) as PerRecordKind<E>;
}

/** Endpoints under each record (`/api/v1/<kind>/{id}<path>`), written once for all kinds. */
type UnderRecord<E extends Record<string, Endpoint>> = {
  [Id in `${RecordKind}.${keyof E & string}`]: Id extends `${infer Kind}.${infer Name extends keyof E & string}`
    ? Omit<E[Name], 'path'> & { readonly path: `/api/v1/${Kind}/{id}${E[Name]['path']}` }
    : never;
};

function underRecord<const E extends Record<string, Endpoint>>(endpoints: E): UnderRecord<E> {
  return perRecordKind((kind) =>
    Object.fromEntries(Object.entries(endpoints).map(([name, e]) => [name, { ...e, path: `/api/v1/${kind}/{id}${e.path}` }])),
  ) as UnderRecord<E>;
}

// The order is the OpenAPI document's order.
export const endpoints = {
  health: { method: 'GET', path: '/api/v1/health', public: true },
  openapi: { method: 'GET', path: '/api/v1/openapi.json', public: true },
  signup: { method: 'POST', path: '/api/v1/signup', public: true, input: 'body' },

  me: { method: 'GET', path: '/api/v1/me' },
  'users.list': { method: 'GET', path: '/api/v1/users', input: 'query' },
  'users.create': { method: 'POST', path: '/api/v1/users', input: 'body' },
  'users.get': { method: 'GET', path: '/api/v1/users/{id}' },
  'users.patch': { method: 'PATCH', path: '/api/v1/users/{id}', input: 'body' },
  'users.delete': { method: 'DELETE', path: '/api/v1/users/{id}' },
  'roles.list': { method: 'GET', path: '/api/v1/roles', input: 'query' },
  'roles.create': { method: 'POST', path: '/api/v1/roles', input: 'body' },
  'roles.get': { method: 'GET', path: '/api/v1/roles/{id}' },
  'roles.patch': { method: 'PATCH', path: '/api/v1/roles/{id}', input: 'body' },
  'roles.delete': { method: 'DELETE', path: '/api/v1/roles/{id}' },
  'groups.list': { method: 'GET', path: '/api/v1/groups', input: 'query' },
  'groups.create': { method: 'POST', path: '/api/v1/groups', input: 'body' },
  'groups.get': { method: 'GET', path: '/api/v1/groups/{id}' },
  'groups.patch': { method: 'PATCH', path: '/api/v1/groups/{id}', input: 'body' },
  'groups.delete': { method: 'DELETE', path: '/api/v1/groups/{id}' },

  'pipelines.list': { method: 'GET', path: '/api/v1/pipelines', input: 'query' },
  'pipelines.create': { method: 'POST', path: '/api/v1/pipelines', input: 'body' },
  'pipelines.get': { method: 'GET', path: '/api/v1/pipelines/{id}' },
  'pipelines.totals': { method: 'GET', path: '/api/v1/pipelines/{id}/totals' },
  'pipelines.patch': { method: 'PATCH', path: '/api/v1/pipelines/{id}', input: 'body' },
  'pipelines.delete': { method: 'DELETE', path: '/api/v1/pipelines/{id}' },
  'pipelines.stages.add': { method: 'POST', path: '/api/v1/pipelines/{id}/stages', input: 'body' },
  'pipelines.stages.patch': { method: 'PATCH', path: '/api/v1/pipelines/{id}/stages/{stageId}', input: 'body' },
  'pipelines.stages.delete': { method: 'DELETE', path: '/api/v1/pipelines/{id}/stages/{stageId}' },
  'pipelines.stages.remove': { method: 'POST', path: '/api/v1/pipelines/{id}/stages/{stageId}/remove', input: 'body' },

  'leads.list': { method: 'GET', path: '/api/v1/leads', input: 'query' },
  'leads.create': { method: 'POST', path: '/api/v1/leads', input: 'body' },
  'leads.get': { method: 'GET', path: '/api/v1/leads/{id}' },
  'leads.patch': { method: 'PATCH', path: '/api/v1/leads/{id}', input: 'body' },
  'leads.delete': { method: 'DELETE', path: '/api/v1/leads/{id}' },

  'contacts.list': { method: 'GET', path: '/api/v1/contacts', input: 'query' },
  'contacts.create': { method: 'POST', path: '/api/v1/contacts', input: 'body' },
  'contacts.get': { method: 'GET', path: '/api/v1/contacts/{id}' },
  'contacts.patch': { method: 'PATCH', path: '/api/v1/contacts/{id}', input: 'body' },
  'contacts.delete': { method: 'DELETE', path: '/api/v1/contacts/{id}' },
  'contacts.leads': { method: 'GET', path: '/api/v1/contacts/{id}/leads', input: 'query' },
  'companies.list': { method: 'GET', path: '/api/v1/companies', input: 'query' },
  'companies.create': { method: 'POST', path: '/api/v1/companies', input: 'body' },
  'companies.get': { method: 'GET', path: '/api/v1/companies/{id}' },
  'companies.patch': { method: 'PATCH', path: '/api/v1/companies/{id}', input: 'body' },
  'companies.delete': { method: 'DELETE', path: '/api/v1/companies/{id}' },
  'companies.contacts': { method: 'GET', path: '/api/v1/companies/{id}/contacts', input: 'query' },
  'companies.leads': { method: 'GET', path: '/api/v1/companies/{id}/leads', input: 'query' },

  'trash.list': { method: 'GET', path: '/api/v1/trash', input: 'query' },
  'trash.restore': { method: 'POST', path: '/api/v1/trash/{entityType}/{id}/restore' },

  'customFields.list': { method: 'GET', path: '/api/v1/custom-fields', input: 'query' },
  'customFields.create': { method: 'POST', path: '/api/v1/custom-fields', input: 'body' },
  'customFields.get': { method: 'GET', path: '/api/v1/custom-fields/{id}' },
  'customFields.patch': { method: 'PATCH', path: '/api/v1/custom-fields/{id}', input: 'body' },
  'customFields.delete': { method: 'DELETE', path: '/api/v1/custom-fields/{id}' },
  'tags.list': { method: 'GET', path: '/api/v1/tags', input: 'query' },
  search: { method: 'GET', path: '/api/v1/search', input: 'query' },

  'tasks.list': { method: 'GET', path: '/api/v1/tasks', input: 'query' },
  'tasks.create': { method: 'POST', path: '/api/v1/tasks', input: 'body' },
  'tasks.get': { method: 'GET', path: '/api/v1/tasks/{id}' },
  'tasks.patch': { method: 'PATCH', path: '/api/v1/tasks/{id}', input: 'body' },
  'tasks.delete': { method: 'DELETE', path: '/api/v1/tasks/{id}' },
  'tasks.complete': { method: 'POST', path: '/api/v1/tasks/{id}/complete', input: 'body' },
  'taskTypes.list': { method: 'GET', path: '/api/v1/task-types', input: 'query' },
  'taskTypes.create': { method: 'POST', path: '/api/v1/task-types', input: 'body' },
  'taskTypes.get': { method: 'GET', path: '/api/v1/task-types/{id}' },
  'taskTypes.patch': { method: 'PATCH', path: '/api/v1/task-types/{id}', input: 'body' },
  'taskTypes.delete': { method: 'DELETE', path: '/api/v1/task-types/{id}' },

  ...underRecord({
    'notes.list': { method: 'GET', path: '/notes', input: 'query' },
    'notes.create': { method: 'POST', path: '/notes', input: 'body' },
    'notes.get': { method: 'GET', path: '/notes/{noteId}' },
  }),
  ...underRecord({ timeline: { method: 'GET', path: '/timeline', input: 'query' } }),

  dashboard: { method: 'GET', path: '/api/v1/dashboard' },
  'events.list': { method: 'GET', path: '/api/v1/events', input: 'query' },

  'analytics.funnel': { method: 'GET', path: '/api/v1/analytics/funnel', input: 'query' },
  'analytics.summary': { method: 'GET', path: '/api/v1/analytics/summary', input: 'query' },
  'analytics.managers': { method: 'GET', path: '/api/v1/analytics/managers', input: 'query' },
  'settings.get': { method: 'GET', path: '/api/v1/settings' },
  'settings.patch': { method: 'PATCH', path: '/api/v1/settings', input: 'body' },
  'sessions.create': { method: 'POST', path: '/api/v1/sessions' },
  'loginHistory.list': { method: 'GET', path: '/api/v1/login-history', input: 'query' },
  usage: { method: 'GET', path: '/api/v1/usage' },
  'webhooks.list': { method: 'GET', path: '/api/v1/webhooks', input: 'query' },
  'webhooks.create': { method: 'POST', path: '/api/v1/webhooks', input: 'body' },
  'webhooks.get': { method: 'GET', path: '/api/v1/webhooks/{id}' },
  'webhooks.patch': { method: 'PATCH', path: '/api/v1/webhooks/{id}', input: 'body' },
  'webhooks.delete': { method: 'DELETE', path: '/api/v1/webhooks/{id}' },
  'webhooks.rotateSecret': { method: 'POST', path: '/api/v1/webhooks/{id}/rotate-secret', input: 'body' },
  'webhooks.deliveries': { method: 'GET', path: '/api/v1/webhooks/{id}/deliveries', input: 'query' },
  'webhooks.resend': { method: 'POST', path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/resend' },
  // Integrations: API keys, notifications, automations.
  'apiKeys.list': { method: 'GET', path: '/api/v1/api-keys', input: 'query' },
  'apiKeys.create': { method: 'POST', path: '/api/v1/api-keys', input: 'body' },
  'apiKeys.delete': { method: 'DELETE', path: '/api/v1/api-keys/{id}' },
  'notifications.list': { method: 'GET', path: '/api/v1/notifications', input: 'query' },
  'notifications.read': { method: 'POST', path: '/api/v1/notifications/{id}/read' },
  'notifications.readAll': { method: 'POST', path: '/api/v1/notifications/read-all' },
  'automations.list': { method: 'GET', path: '/api/v1/automations', input: 'query' },
  'automations.create': { method: 'POST', path: '/api/v1/automations', input: 'body' },
  'automations.get': { method: 'GET', path: '/api/v1/automations/{id}' },
  'automations.patch': { method: 'PATCH', path: '/api/v1/automations/{id}', input: 'body' },
  'automations.delete': { method: 'DELETE', path: '/api/v1/automations/{id}' },
  'imports.list': { method: 'GET', path: '/api/v1/imports', input: 'query' },
  'imports.create': { method: 'POST', path: '/api/v1/imports', input: 'body' },
  'imports.get': { method: 'GET', path: '/api/v1/imports/{id}' },
  'imports.preview': { method: 'GET', path: '/api/v1/imports/{id}/preview' },
  'imports.start': { method: 'POST', path: '/api/v1/imports/{id}/start', input: 'body' },
  'imports.cancel': { method: 'POST', path: '/api/v1/imports/{id}/cancel' },
  'imports.undo': { method: 'POST', path: '/api/v1/imports/{id}/undo' },
  'imports.failedRows': { method: 'GET', path: '/api/v1/imports/{id}/failed-rows' },
  'exports.download': { method: 'GET', path: '/api/v1/exports', input: 'query' },
  // Widgets (functions/widgets): settings per account, card actions, and their public endpoints.
  'widgets.list': { method: 'GET', path: '/api/v1/widgets' },
  'widgets.put': { method: 'PUT', path: '/api/v1/widgets/{name}', input: 'body' },
  'widgets.action': { method: 'POST', path: '/api/v1/widgets/{name}/actions/{action}', input: 'body' },
  'widgetInbound.calls': { method: 'POST', path: '/api/v1/inbound/calls/{callKey}', public: true, input: 'body' },
  'widgetInbound.post': { method: 'POST', path: '/api/v1/inbound/{widget}/{key}', public: true },
  'widgetInbound.hook': { method: 'POST', path: '/api/v1/inbound/{widget}/{key}/{hook}', public: true },
  // Incoming requests and web forms (issue 13).
  'incoming.list': { method: 'GET', path: '/api/v1/incoming', input: 'query' },
  'incoming.get': { method: 'GET', path: '/api/v1/incoming/{id}' },
  'incoming.accept': { method: 'POST', path: '/api/v1/incoming/{id}/accept', input: 'body' },
  'incoming.attach': { method: 'POST', path: '/api/v1/incoming/{id}/attach', input: 'body' },
  'incoming.decline': { method: 'POST', path: '/api/v1/incoming/{id}/decline' },
  'forms.list': { method: 'GET', path: '/api/v1/forms', input: 'query' },
  'forms.create': { method: 'POST', path: '/api/v1/forms', input: 'body' },
  'forms.get': { method: 'GET', path: '/api/v1/forms/{id}' },
  'forms.patch': { method: 'PATCH', path: '/api/v1/forms/{id}', input: 'body' },
  'forms.delete': { method: 'DELETE', path: '/api/v1/forms/{id}' },
  'formInbound.submit': { method: 'POST', path: '/api/v1/inbound/forms/{formKey}', public: true, input: 'body' },
  'formInbound.fields': { method: 'GET', path: '/api/v1/inbound/forms/{formKey}', public: true },
  'formInbound.page': { method: 'GET', path: '/api/v1/inbound/forms/{formKey}/page', public: true },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type OperationId = keyof Endpoints;
/** Every operation id, in the order above. */
export const OPERATION_IDS = Object.keys(endpoints) as OperationId[];
