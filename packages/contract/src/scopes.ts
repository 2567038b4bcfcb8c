// What an API key may do: its scopes, and the one scope each operation needs. An operation
// not listed here (users, settings, the keys themselves...) is out of any key's reach.
// Plain data, no zod: the typed client and the web app's key form read it too.
import type { OperationId } from './endpoints.ts';

export const API_KEY_SCOPES = [
  'leads:read',
  'leads:write',
  'contacts:read',
  'contacts:write',
  'companies:read',
  'companies:write',
  'tasks:read',
  'tasks:write',
  'pipelines:read',
  'events:read',
] as const;
export type ApiKeyScopeName = (typeof API_KEY_SCOPES)[number];

const record = (kind: 'leads' | 'contacts' | 'companies') =>
  ({
    [`${kind}.list`]: `${kind}:read`,
    [`${kind}.get`]: `${kind}:read`,
    [`${kind}.create`]: `${kind}:write`,
    [`${kind}.patch`]: `${kind}:write`,
    [`${kind}.delete`]: `${kind}:write`,
    [`${kind}.notes.list`]: `${kind}:read`,
    [`${kind}.notes.get`]: `${kind}:read`,
    [`${kind}.notes.create`]: `${kind}:write`,
    [`${kind}.timeline`]: `${kind}:read`,
  }) as Partial<Record<OperationId, ApiKeyScopeName>>;

export const OPERATION_SCOPES: Partial<Record<OperationId, ApiKeyScopeName>> = {
  ...record('leads'),
  ...record('contacts'),
  ...record('companies'),
  'contacts.leads': 'contacts:read',
  'companies.contacts': 'companies:read',
  'companies.leads': 'companies:read',
  'tasks.list': 'tasks:read',
  'tasks.get': 'tasks:read',
  'tasks.create': 'tasks:write',
  'tasks.patch': 'tasks:write',
  'tasks.delete': 'tasks:write',
  'tasks.complete': 'tasks:write',
  'taskTypes.list': 'tasks:read',
  'taskTypes.get': 'tasks:read',
  'pipelines.list': 'pipelines:read',
  'pipelines.get': 'pipelines:read',
  'pipelines.totals': 'pipelines:read',
  'events.list': 'events:read',
};

/** Every API key starts so; the auth middleware tells a key from an ID token by it. */
export const API_KEY_PREFIX = 'crm_';
