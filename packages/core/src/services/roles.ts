// Roles: the built-in admin and manager, and an account's own roles with a rights matrix
// (leads, contacts, companies, tasks x view, edit, delete, export x none, own, group, all).
// A role's rights are read with its user on every request (services/callers.ts), so a change
// here judges the very next request of every user who has the role.
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { RoleCreate, RolePatch, RoleRecord, ListQuery } from '@crm/contract';
import type { RoleEntity } from '../entities/access.ts';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, notFound } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { BUILT_IN_RIGHTS, isBuiltInRole, requireAdmin, type Rights } from '../rights.ts';
import { definedOnly } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { stampsOf } from '../model/stamps.ts';

type RoleItem = EntityItem<typeof RoleEntity>;

const toRole = (r: RoleItem): RoleRecord => ({ id: r.roleId, name: r.name, rights: r.rights as Rights, builtIn: false, ...stampsOf(r) });

const BUILT_IN_NAMES = { admin: 'Administrator', manager: 'Manager' } as const;

/** The built-in roles in the contract's form, stamped with the account's creation. */
async function builtInRoles(caller: Caller): Promise<RoleRecord[]> {
  const { data } = await db.account.get({ accountId: caller.accountId }).go();
  if (!data) throw notFound('Account');
  return (['admin', 'manager'] as const).map((id) => ({
    id,
    name: BUILT_IN_NAMES[id],
    rights: BUILT_IN_RIGHTS[id],
    builtIn: true,
    createdAt: data.createdAt,
    updatedAt: data.createdAt,
    createdBy: data.createdBy,
    version: 1,
  }));
}

const refuseBuiltIn = (roleId: string) => {
  if (isBuiltInRole(roleId)) throw conflict('The built-in roles cannot be changed; create a role of your own');
};

const roles = aggregate({
  type: 'role',
  label: 'Role',
  dataKey: 'role',
  read: async (caller, roleId, consistent) => (await db.role.get({ accountId: caller.accountId, roleId }).go({ consistent })).data,
  store: entityStore<RoleItem>(db.role, (r) => ({ accountId: r.accountId, roleId: r.roleId })),
  toContract: toRole,
  tracked: ['name', 'rights'],
});

export async function getRole(caller: Caller, roleId: string) {
  if (isBuiltInRole(roleId)) return (await builtInRoles(caller)).find((r) => r.id === roleId)!;
  return roles.get(caller, roleId);
}

/** The built-in roles head the first page; the account's own follow in creation order. */
export async function listRoles(caller: Caller, query: z.output<typeof ListQuery>) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const page = await pageOf((o) => db.role.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toRole);
  return cursor ? page : { ...page, items: [...(await builtInRoles(caller)), ...page.items] };
}

export function createRole(caller: Caller, input: z.output<typeof RoleCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return roles.create(caller, options, () => {
    const at = now();
    return {
      item: {
        accountId: caller.accountId,
        roleId: newId(),
        name: input.name,
        rights: input.rights,
        createdAt: at,
        updatedAt: at,
        createdBy: caller.userId,
        version: 1,
      },
    };
  });
}

export function patchRole(caller: Caller, roleId: string, patch: z.output<typeof RolePatch>, options?: WriteOptions) {
  requireAdmin(caller);
  refuseBuiltIn(roleId);
  return roles.change(caller, roleId, options, (r) => ({ next: { ...r, ...definedOnly(patch) } }));
}

/** A role some user (active or not) still has cannot go: they would be left without rights. */
export async function deleteRole(caller: Caller, roleId: string, options?: WriteOptions) {
  requireAdmin(caller);
  refuseBuiltIn(roleId);
  await roles.destroy(caller, roleId, options, async () => {
    const { data } = await db.user.query
      .byId({ accountId: caller.accountId })
      .where((a, op) => op.eq(a.role, roleId))
      .go({ pages: 'all', consistent: true, attributes: ['userId'] });
    if (data.length) throw conflict(`${data.length} user(s) have this role; give them another role first`, { users: data.length });
    return {};
  });
}
