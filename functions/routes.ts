// THE route table: the contract's operations grouped into Lambdas. The local API Gateway
// emulator, the CDK api stack and the OpenAPI document all read it; each `resource` is one
// entry file in handlers/ and one Lambda.
import { operations, type OperationId, type Operations } from '@crm/contract';

/**
 * The group of an operation: the first part of its id (`leads.patch` -> `leads`), except a
 * record's notes and timeline, which one Lambda serves for every record kind.
 */
type GroupOf<Id extends string> = Id extends `${string}.${infer Sub extends 'notes' | 'timeline'}${'' | `.${string}`}`
  ? Sub
  : Id extends `${infer Group}.${string}`
    ? Group
    : Id;

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
} as const satisfies Record<GroupOf<OperationId>, string>;

const groupOf = (id: OperationId) => {
  const [first, second] = id.split('.');
  return (second === 'notes' || second === 'timeline' ? second : first) as GroupOf<OperationId>;
};

type RouteOf<Id extends OperationId> = Id extends OperationId
  ? Operations[Id] & { readonly id: Id; readonly resource: (typeof lambdaOfGroup)[GroupOf<Id>] }
  : never;
export type Route = RouteOf<OperationId>;

export const routes = (Object.keys(operations) as OperationId[]).map((id) => ({
  id,
  ...operations[id],
  resource: lambdaOfGroup[groupOf(id)],
})) as readonly Route[];

export type RouteKey = `${Route['method']} ${Route['path']}`;
export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;
