// Users of an account: invited by admins, deactivated rather than deleted.
import type { EntityItem } from 'electrodb';
import type { UserEntity } from '../entities/account.ts';
import type { z } from 'zod';
import type { User, UserCreate, UserListQuery, UserPatch } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict, invalid } from '../errors.ts';
import { createLogin, deleteLogin, setLoginEnabled } from '../identity.ts';
import { claimed } from '../write/idempotency.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { isBuiltInRole, requireAdmin, requireRight, type RightEntity } from '../rights.ts';
import { adminCountWrites } from '../derived/admins.ts';
import { definedOnly } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { commit, put } from '../write/write.ts';
import { stampsOf } from '../model/stamps.ts';

export type UserItem = EntityItem<typeof UserEntity>;

export const toUser = (u: UserItem): User => ({
  id: u.userId,
  email: u.email,
  name: u.name,
  role: u.role,
  groupId: u.groupId ?? null,
  active: u.active,
  ...stampsOf(u),
});

const users = aggregate({
  type: 'user',
  label: 'User',
  dataKey: 'user',
  read: async (caller, userId) => (await db.user.get({ accountId: caller.accountId, userId }).go()).data,
  store: entityStore<UserItem>(db.user, (u) => ({ accountId: u.accountId, userId: u.userId })),
  toContract: toUser,
  tracked: ['name', 'role', 'groupId', 'active'],
});

export const getUser = (caller: Caller, userId: string) => users.get(caller, userId);

/** A user named in a write (e.g. a responsible) must be an active member of the account. */
export async function requireActiveUser(caller: Caller, userId: string, path: string) {
  const { data } = await db.user.get({ accountId: caller.accountId, userId }).go();
  if (!data?.active) throw invalid('No active user with this id in the account', [{ path, message: 'unknown user' }]);
}

/** A responsible the caller may give a record to: within their edit right, and an active user. */
export async function requireAssignable(caller: Caller, entity: RightEntity, userId: string) {
  requireRight(caller, entity, 'edit', { userId });
  if (userId !== caller.userId) await requireActiveUser(caller, userId, 'responsibleUserId');
}

export async function listUsers(caller: Caller, query: z.output<typeof UserListQuery>) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  const active = query.active === undefined ? undefined : query.active === 'true';
  return pageOf(
    (o) =>
      db.user.query
        .byId({ accountId: caller.accountId })
        .where((a, op) => (active === undefined ? '' : op.eq(a.active, active)))
        .go(o),
    { limit: query.limit, cursor },
    toUser,
  );
}

/** Roles and groups a user may be given: built-in roles, and the account's own roles and groups (else 400 on that field). */
async function checkAssignment(caller: Caller, input: { role?: string; groupId?: string | null }) {
  const { role, groupId } = input;
  const [roleKnown, groupKnown] = await Promise.all([
    role === undefined ||
      isBuiltInRole(role) ||
      db.role
        .get({ accountId: caller.accountId, roleId: role })
        .go()
        .then((r) => !!r.data),
    !groupId ||
      db.group
        .get({ accountId: caller.accountId, groupId })
        .go()
        .then((g) => !!g.data),
  ]);
  const errors = [
    ...(roleKnown ? [] : [{ path: 'role', message: 'unknown role' }]),
    ...(groupKnown ? [] : [{ path: 'groupId', message: 'unknown group' }]),
  ];
  if (errors.length) throw invalid('The role or group does not exist in the account', errors);
}

export async function createUser(caller: Caller, input: z.output<typeof UserCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  await checkAssignment(caller, input);
  // The login is made outside the transaction: a retry with the same key must wait for the
  // first answer rather than try to make the login again.
  return claimed(caller, options, async (options) => {
    const at = now();
    const item: UserItem = {
      accountId: caller.accountId,
      userId: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      groupId: input.groupId,
      active: true,
      createdAt: at,
      updatedAt: at,
      createdBy: caller.userId,
      version: 1,
    };
    await createLogin({ email: item.email, name: item.name, accountId: caller.accountId, userId: item.userId, password: input.password });
    const user = toUser(item);
    // Not users.create: the login is made once, before the transaction, and undone if it fails.
    try {
      await commit({
        caller,
        options,
        result: user,
        writes: [
          users.spec.store.create(item),
          put(db.emailClaim.create({ email: item.email, accountId: caller.accountId, userId: item.userId }).params(), () =>
            conflict('A user with this e-mail already exists'),
          ),
          ...(await adminCountWrites(caller.accountId, null, item)),
        ],
        events: [users.event('created', user)],
      });
      return user;
    } catch (err) {
      await deleteLogin(item.email).catch(() => undefined);
      throw err;
    }
  });
}

/** A change of a user: role and activity keep the admin counter in the same transaction. */
const changeUser = (
  caller: Caller,
  userId: string,
  options: WriteOptions | undefined,
  change: (u: UserItem) => UserItem,
  event: 'updated' | 'deactivated' | 'reactivated',
) =>
  users.change(
    caller,
    userId,
    options,
    async (u) => {
      const next = change(u);
      return { next, writes: await adminCountWrites(caller.accountId, u, next) };
    },
    { event, consistent: true },
  );

export async function patchUser(caller: Caller, userId: string, patch: z.output<typeof UserPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  await checkAssignment(caller, patch);
  if (userId === caller.userId && patch.role !== undefined && patch.role !== 'admin') {
    throw conflict('You cannot take the administrator role from yourself');
  }
  if (userId === caller.userId && patch.active === false) throw conflict('You cannot deactivate yourself');
  const before = await users.read(caller, userId, true);
  const user = await changeUser(
    caller,
    userId,
    options,
    (u) => ({
      ...u,
      ...definedOnly(patch),
      groupId: patch.groupId === null ? undefined : (patch.groupId ?? u.groupId),
    }),
    patch.active === true && !before.active ? 'reactivated' : patch.active === false && before.active ? 'deactivated' : 'updated',
  );
  // The login follows the record: enabled again on reactivation, disabled on deactivation.
  if (patch.active !== undefined) await setLoginEnabled(user.email, patch.active);
  return user;
}

/** Deactivation keeps the user's history; the login is disabled and tokens stop working. */
export async function deactivateUser(caller: Caller, userId: string, options?: WriteOptions) {
  requireAdmin(caller);
  if (userId === caller.userId) throw conflict('You cannot deactivate yourself');
  const user = await changeUser(caller, userId, options, (u) => ({ ...u, active: false }), 'deactivated');
  await setLoginEnabled(user.email, false);
}
