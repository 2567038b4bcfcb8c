// What each operation says beyond where it is reached (endpoints.ts): its summary, schemas and
// success status, in one file per group of operations (operations/<group>.ts). A group's file,
// with the schemas it uses, is loaded on first use: a Lambda builds only the zod schemas of the
// operations it serves, not the whole contract's (about 40 ms of CPU at every cold start).
// operations.ts loads every group into THE operation table for the OpenAPI document, the typed
// client and the tests.
import type { z } from 'zod';
import type { OperationId } from './endpoints.ts';

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

/**
 * The group of an operation: the first part of its id (`leads.patch` -> `leads`), except a
 * record's notes and timeline, which are the same under each record kind (`leads.notes.get` -> `notes`).
 */
export type GroupOf<Id extends string> = Id extends `${string}.notes.${string}`
  ? 'notes'
  : Id extends `${string}.timeline`
    ? 'timeline'
    : Id extends `${infer Group}.${string}`
      ? Group
      : Id;
export type OperationGroup = GroupOf<OperationId>;

export const groupOf = (id: OperationId) => {
  const [first, second] = id.split('.');
  return (second === 'notes' || second === 'timeline' ? second : first) as OperationGroup;
};

/** What a group's file describes: exactly the operations of the group. */
export type GroupOperations<G extends OperationGroup> = {
  [Id in OperationId as GroupOf<Id> extends G ? Id : never]: OperationSchemas;
};

// The groups' files import nothing from this file but types: a value imported back would tie
// each lazily loaded file to it, and the bundler would start it too late for routes.ts.
export const operationGroups = {
  health: () => import('./operations/health.ts'),
  openapi: () => import('./operations/openapi.ts'),
  signup: () => import('./operations/signup.ts'),
  me: () => import('./operations/me.ts'),
  users: () => import('./operations/users.ts'),
  roles: () => import('./operations/roles.ts'),
  groups: () => import('./operations/groups.ts'),
  pipelines: () => import('./operations/pipelines.ts'),
  leads: () => import('./operations/leads.ts'),
  contacts: () => import('./operations/contacts.ts'),
  companies: () => import('./operations/companies.ts'),
  trash: () => import('./operations/trash.ts'),
  customFields: () => import('./operations/custom-fields.ts'),
  tags: () => import('./operations/tags.ts'),
  search: () => import('./operations/search.ts'),
  tasks: () => import('./operations/tasks.ts'),
  taskTypes: () => import('./operations/task-types.ts'),
  notes: () => import('./operations/notes.ts'),
  timeline: () => import('./operations/timeline.ts'),
  dashboard: () => import('./operations/dashboard.ts'),
  events: () => import('./operations/events.ts'),
  analytics: () => import('./operations/analytics.ts'),
  settings: () => import('./operations/settings.ts'),
  sessions: () => import('./operations/sessions.ts'),
  loginHistory: () => import('./operations/login-history.ts'),
  usage: () => import('./operations/usage.ts'),
  webhooks: () => import('./operations/webhooks.ts'),
  apiKeys: () => import('./operations/api-keys.ts'),
  notifications: () => import('./operations/notifications.ts'),
  automations: () => import('./operations/automations.ts'),
  imports: () => import('./operations/imports.ts'),
  exports: () => import('./operations/exports.ts'),
  widgets: () => import('./operations/widgets.ts'),
  widgetInbound: () => import('./operations/widget-inbound.ts'),
  incoming: () => import('./operations/incoming.ts'),
  forms: () => import('./operations/forms.ts'),
  formInbound: () => import('./operations/form-inbound.ts'),
} satisfies { [G in OperationGroup]: () => Promise<{ default: GroupOperations<G> }> };

/** The schemas of these operations, loading only their groups' files. */
export async function loadSchemas(ids: readonly OperationId[]): Promise<Partial<Record<OperationId, OperationSchemas>>> {
  const groups = [...new Set(ids.map(groupOf))];
  const tables = await Promise.all(groups.map((g) => operationGroups[g]()));
  const all: Partial<Record<OperationId, OperationSchemas>> = Object.assign({}, ...tables.map((t) => t.default));
  return Object.fromEntries(ids.map((id) => [id, all[id]]));
}
