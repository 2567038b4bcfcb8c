// Rights per entity type and action. Built-in roles now; custom roles plug in here.
import type { Caller } from './context.ts';
import { forbidden } from './errors.ts';

export type RightEntity = 'leads' | 'contacts' | 'companies' | 'tasks';
export type Action = 'view' | 'edit' | 'delete' | 'export';
export type Scope = 'none' | 'own' | 'group' | 'all';

const BUILT_IN: Record<'admin' | 'manager', Record<Action, Scope>> = {
  admin: { view: 'all', edit: 'all', delete: 'all', export: 'all' },
  manager: { view: 'all', edit: 'own', delete: 'none', export: 'none' },
};

export function scopeOf(caller: Caller, _entity: RightEntity, action: Action): Scope {
  const role: 'admin' | 'manager' = caller.role === 'admin' ? 'admin' : 'manager';
  return BUILT_IN[role][action];
}

/** Whether the caller may act on a record owned by `owner` (its responsible user). */
export function may(caller: Caller, entity: RightEntity, action: Action, owner: { userId: string; groupId?: string | null }) {
  const scope = scopeOf(caller, entity, action);
  if (scope === 'all') return true;
  if (scope === 'own') return owner.userId === caller.userId;
  if (scope === 'group') return owner.userId === caller.userId || (!!caller.groupId && owner.groupId === caller.groupId);
  return false;
}

export function requireRight(...args: Parameters<typeof may>) {
  if (!may(...args)) throw forbidden();
}

export function requireAdmin(caller: Caller) {
  if (caller.role !== 'admin') throw forbidden('Only an administrator can do this');
}
