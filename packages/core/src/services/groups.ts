// Groups (departments) of users with an optional head; a user is in at most one group (the
// user's own `groupId`). A role's `group` scope reaches the records of the caller's group.
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { Group, GroupCreate, GroupPatch, ListQuery } from '@crm/contract';
import type { GroupEntity } from '../entities/access.ts';
import type { Caller, WriteOptions } from '../context.ts';
import { db } from '../db.ts';
import { conflict } from '../errors.ts';
import { newId, now } from '../ids.ts';
import { acceptCursor, pageOf } from '../page.ts';
import { requireAdmin } from '../rights.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';
import { stampsOf } from '../model/stamps.ts';
import { requireActiveUser } from './users.ts';
import { groupMembers } from './callers.ts';

type GroupItem = EntityItem<typeof GroupEntity>;

const toGroup = (g: GroupItem): Group => ({ id: g.groupId, name: g.name, headUserId: g.headUserId ?? null, ...stampsOf(g) });

const groups = aggregate({
  type: 'group',
  label: 'Group',
  dataKey: 'group',
  read: async (caller, groupId, consistent) => (await db.group.get({ accountId: caller.accountId, groupId }).go({ consistent })).data,
  store: entityStore<GroupItem>(db.group, (g) => ({ accountId: g.accountId, groupId: g.groupId })),
  toContract: toGroup,
  tracked: ['name', 'headUserId'],
  // The head is an active user of the account.
  check: async (caller, after) => {
    if (after.headUserId) await requireActiveUser(caller, after.headUserId, 'headUserId');
  },
});

export const getGroup = (caller: Caller, groupId: string) => groups.get(caller, groupId);

export async function listGroups(caller: Caller, query: z.output<typeof ListQuery>) {
  const cursor = acceptCursor(query.cursor, caller.accountId);
  return pageOf((o) => db.group.query.byId({ accountId: caller.accountId }).go(o), { limit: query.limit, cursor }, toGroup);
}

export function createGroup(caller: Caller, input: z.output<typeof GroupCreate>, options?: WriteOptions) {
  requireAdmin(caller);
  return groups.create(caller, options, () => {
    const at = now();
    return {
      item: {
        accountId: caller.accountId,
        groupId: newId(),
        name: input.name,
        headUserId: input.headUserId,
        createdAt: at,
        updatedAt: at,
        createdBy: caller.userId,
        version: 1,
      },
    };
  });
}

export function patchGroup(caller: Caller, groupId: string, patch: z.output<typeof GroupPatch>, options?: WriteOptions) {
  requireAdmin(caller);
  return groups.change(caller, groupId, options, (g) => ({
    next: {
      ...g,
      name: patch.name ?? g.name,
      headUserId: patch.headUserId === null ? undefined : (patch.headUserId ?? g.headUserId),
    },
  }));
}

/** A group with users in it cannot go: move them out first. */
export async function deleteGroup(caller: Caller, groupId: string, options?: WriteOptions) {
  requireAdmin(caller);
  await groups.destroy(caller, groupId, options, async () => {
    const members = await groupMembers(caller.accountId, groupId);
    if (members.length) throw conflict(`${members.length} user(s) are in this group; move them first`, { users: members.length });
    return {};
  });
}
