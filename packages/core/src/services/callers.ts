// Who is calling, read afresh on every request: no cache anywhere, so a change of role, group,
// rights or activity judges the very next request on any Lambda. One strongly consistent
// BatchGetItem reads the user and the account; a custom role and a group scope add one read each.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Caller } from '../context.ts';
import { db, dynamo } from '../db.ts';
import { unauthorized } from '../errors.ts';
import { BUILT_IN_RIGHTS, isBuiltInRole, RIGHT_ENTITIES, type Rights } from '../rights.ts';
import type { UserItem } from './users.ts';

type Keyed = { TableName: string; Key: Record<string, unknown> };
const keyOf = (params: unknown) => params as Keyed;

/** One consistent BatchGetItem of the given items (a handful, so one round unless throttled). */
async function consistentGet(gets: Keyed[]): Promise<Record<string, unknown>[]> {
  const table = gets[0].TableName;
  let keys = gets.map((g) => g.Key);
  const found: Record<string, unknown>[] = [];
  for (let round = 0; keys.length; round++) {
    if (round === 5) throw new Error('DynamoDB left keys of the caller read unprocessed');
    if (round) await new Promise((r) => setTimeout(r, 20 * 2 ** round));
    const answer = await dynamo.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
    found.push(...((answer.Responses?.[table] ?? []) as Record<string, unknown>[]));
    keys = (answer.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
  }
  return found;
}

const ofEntity = (items: Record<string, unknown>[], entity: string) => items.find((i) => i.__edb_e__ === entity);

/** The caller behind a verified token: an active user of an existing account, with its role's rights. */
export async function resolveCaller(accountId: string, userId: string): Promise<Caller> {
  const items = await consistentGet([keyOf(db.user.get({ accountId, userId }).params()), keyOf(db.account.get({ accountId }).params())]);
  const userItem = ofEntity(items, 'user');
  const accountItem = ofEntity(items, 'account');
  const user = userItem && (db.user.parse({ Item: userItem }).data as UserItem | null);
  if (!user || !user.active || !accountItem) throw unauthorized('This user is not active');
  const account = db.account.parse({ Item: accountItem }).data;
  const rights = isBuiltInRole(user.role) ? BUILT_IN_RIGHTS[user.role] : await customRights(accountId, user.role);
  const groupId = user.groupId ?? null;
  const usesGroup = RIGHT_ENTITIES.some((e) => Object.values(rights[e]).includes('group'));
  return {
    accountId,
    userId,
    role: user.role,
    groupId,
    rights,
    ...(usesGroup && { groupMembers: groupId ? await groupMembers(accountId, groupId) : [userId] }),
    ipAllowlist: account?.ipAllowlist ?? [],
  };
}

/** A custom role's matrix; a role deleted meanwhile leaves no rights at all. */
async function customRights(accountId: string, roleId: string): Promise<Rights> {
  const { data } = await db.role.get({ accountId, roleId }).go({ consistent: true });
  return (data?.rights as Rights | undefined) ?? NO_RIGHTS;
}

const NO_RIGHTS: Rights = Object.fromEntries(
  RIGHT_ENTITIES.map((e) => [e, { view: 'none', edit: 'none', delete: 'none', export: 'none' }]),
) as Rights;

/** The active and inactive users of a group: one Query of the account's users (an account has few). */
export async function groupMembers(accountId: string, groupId: string): Promise<string[]> {
  const { data } = await db.user.query
    .byId({ accountId })
    .where((a, op) => op.eq(a.groupId, groupId))
    .go({ pages: 'all', consistent: true, attributes: ['userId'] });
  return data.map((u) => u.userId);
}
