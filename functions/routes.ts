// THE route table: the contract's operations grouped into Lambdas, as plain data (methods and
// paths; each Lambda loads its own operations' schemas, http/resource.ts). The local API Gateway
// emulator, the CDK api stack and the OpenAPI document all read it; each `resource` is one
// entry file in handlers/ and one Lambda.
import type { Endpoints, GroupOf, OperationGroup, OperationId } from '@crm/contract';
import { endpoints, OPERATION_IDS } from '@crm/contract/endpoints';
import { groupOf } from '@crm/contract/operation-groups';

/** The Lambda (functions/handlers/<resource>.ts) that serves each group of operations. */
const lambdaOfGroup = {
  health: 'health',
  openapi: 'openapi',
  signup: 'signup',
  me: 'me',
  users: 'users',
  // Roles and groups are the users' rights: one Lambda for people and rights.
  roles: 'users',
  groups: 'users',
  pipelines: 'pipelines',
  leads: 'leads',
  contacts: 'contacts',
  companies: 'companies',
  trash: 'trash',
  customFields: 'custom-fields',
  tags: 'tags',
  search: 'search',
  tasks: 'tasks',
  taskTypes: 'task-types',
  notes: 'notes',
  timeline: 'timeline',
  dashboard: 'dashboard',
  events: 'events',
  analytics: 'analytics',
  settings: 'settings',
  sessions: 'sessions',
  loginHistory: 'login-history',
  usage: 'usage',
  webhooks: 'webhooks',
  apiKeys: 'api-keys',
  notifications: 'notifications',
  automations: 'automations',
  imports: 'imports',
  exports: 'exports',
  // Widgets: settings and card actions; their public endpoints in a Lambda of their own (no token).
  widgets: 'widgets',
  widgetInbound: 'widget-inbound',
  // Issue 13: incoming requests; web forms with their public endpoint.
  incoming: 'incoming',
  forms: 'forms',
  formInbound: 'form-inbound',
} as const satisfies Record<OperationGroup, string>;

type RouteOf<Id extends OperationId> = Id extends OperationId
  ? Endpoints[Id] & { readonly id: Id; readonly resource: (typeof lambdaOfGroup)[GroupOf<Id>] }
  : never;
export type Route = RouteOf<OperationId>;

export const routes = OPERATION_IDS.map((id) => ({
  id,
  ...endpoints[id],
  resource: lambdaOfGroup[groupOf(id)],
})) as readonly Route[];

export type RouteKey = `${Route['method']} ${Route['path']}`;
export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;
