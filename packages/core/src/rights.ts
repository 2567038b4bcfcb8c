// Rights per entity type and action: the built-in roles, or a custom role's matrix that
// resolveCaller reads with the user on every request (so a change counts from the next one).
import type { Action, Caller, RightEntity, Rights, Scope } from './context.ts';
import { forbidden } from './errors.ts';

export type { Action, RightEntity, Rights, Scope };

export const RIGHT_ENTITIES: readonly RightEntity[] = ['leads', 'contacts', 'companies', 'tasks'];
export const ACTIONS: readonly Action[] = ['view', 'edit', 'delete', 'export'];

const everyEntity = (rights: Record<Action, Scope>): Rights => ({ leads: rights, contacts: rights, companies: rights, tasks: rights });

/** The contract's built-in roles. */
export const BUILT_IN_RIGHTS: Record<'admin' | 'manager', Rights> = {
  admin: everyEntity({ view: 'all', edit: 'all', delete: 'all', export: 'all' }),
  manager: everyEntity({ view: 'all', edit: 'own', delete: 'none', export: 'none' }),
};

export const isBuiltInRole = (role: string): role is 'admin' | 'manager' => role === 'admin' || role === 'manager';

/** The caller's rights: resolved with the caller, else (system callers) those of its built-in role. */
export const rightsOf = (caller: Caller): Rights => caller.rights ?? BUILT_IN_RIGHTS[caller.role === 'admin' ? 'admin' : 'manager'];

export function scopeOf(caller: Caller, entity: RightEntity, action: Action): Scope {
  return rightsOf(caller)[entity][action];
}

/** Whether the caller may act on a record owned by `owner` (its responsible user and that user's group). */
export function may(caller: Caller, entity: RightEntity, action: Action, owner: { userId: string; groupId?: string | null }) {
  const scope = scopeOf(caller, entity, action);
  if (scope === 'all') return true;
  if (scope === 'own') return owner.userId === caller.userId;
  if (scope === 'group') return owner.userId === caller.userId || (!!caller.groupId && ownerGroup(caller, owner) === caller.groupId);
  return false;
}

/** The owner's group: given, or known from the caller's group members (resolved with the caller). */
const ownerGroup = (caller: Caller, owner: { userId: string; groupId?: string | null }) =>
  owner.groupId !== undefined ? owner.groupId : caller.groupMembers?.includes(owner.userId) ? caller.groupId : null;

export function requireRight(...args: Parameters<typeof may>) {
  if (!may(...args)) throw forbidden();
}

export function requireAdmin(caller: Caller) {
  if (caller.role !== 'admin') throw forbidden('Only an administrator can do this');
}
