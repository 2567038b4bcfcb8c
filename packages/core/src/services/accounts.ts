// Sign-up creates an account with its admin, a default pipeline and default task types.
import type { z } from 'zod';
import type { Account, SignupRequest } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { conflict, notFound, unauthorized } from '../errors.ts';
import { createLogin, deleteLogin } from '../identity.ts';
import { newId, now } from '../ids.ts';
import { commit, put, type Write } from '../write/write.ts';
import { newPipelineItem, toPipeline } from './pipelines.ts';
import { toUser } from './users.ts';
import { defaultTaskTypeWrites } from './task-types.ts';

const DEFAULT_STAGES = [
  { name: 'Initial contact', color: '#99ccff' },
  { name: 'Negotiation', color: '#ffcc66' },
  { name: 'Decision making', color: '#ff9966' },
  { name: 'Contract', color: '#cc99ff' },
];

/** Extra writes a new account needs from other modules (e.g. default task types). */
const accountSeeds: Array<(caller: Pick<Caller, 'accountId' | 'userId'>) => Write[]> = [];
export const addAccountSeed = (seed: (caller: Pick<Caller, 'accountId' | 'userId'>) => Write[]) => accountSeeds.push(seed);
// Registered here rather than by task-types.ts itself, so no import order or bundler can leave them out.
addAccountSeed(defaultTaskTypeWrites);

export async function signup(input: z.output<typeof SignupRequest>) {
  const accountId = newId();
  const userId = newId();
  const at = now();
  const base = { accountId, createdAt: at, updatedAt: at, createdBy: userId, version: 1 };
  const caller = { accountId, userId, role: 'admin', groupId: null, actor: { type: 'system' as const, id: 'signup' } };
  const account = { ...base, name: input.company, currency: 'USD', timezone: 'UTC', locale: 'en', ipAllowlist: [] };
  const user = { ...base, userId, email: input.email, name: input.name, role: 'admin', active: true };
  const pipeline = newPipelineItem(caller, { name: 'Sales', stages: DEFAULT_STAGES });

  await createLogin({ email: input.email, name: input.name, accountId, userId, password: input.password });
  try {
    await commit({
      caller,
      writes: [
        put(db.account.create(account).params()),
        put(db.user.create(user).params()),
        put(db.emailClaim.create({ email: input.email, accountId, userId }).params(), () =>
          conflict('A user with this e-mail already exists'),
        ),
        put(db.pipeline.create(pipeline).params()),
        ...accountSeeds.flatMap((seed) => seed(caller)),
      ],
      events: [
        { type: 'account.created', entity: { type: 'account', id: accountId }, data: { name: account.name } },
        { type: 'user.created', entity: { type: 'user', id: userId }, data: { user: toUser(user) } },
        { type: 'pipeline.created', entity: { type: 'pipeline', id: pipeline.pipelineId }, data: { pipeline: toPipeline(pipeline) } },
      ],
    });
  } catch (err) {
    await deleteLogin(input.email).catch(() => undefined);
    throw err;
  }
  return { accountId, userId };
}

export async function getAccount(accountId: string): Promise<Account> {
  const { data } = await db.account.get({ accountId }).go();
  if (!data) throw notFound('Account');
  return { id: data.accountId, name: data.name, currency: data.currency, timezone: data.timezone, locale: data.locale };
}

/** The caller behind a verified token: an active user of an existing account, with its role. */
export async function resolveCaller(accountId: string, userId: string): Promise<Caller> {
  const { data: user } = await db.user.get({ accountId, userId }).go();
  if (!user || !user.active) throw unauthorized('This user is not active');
  return { accountId, userId, role: user.role, groupId: user.groupId ?? null };
}

export async function me(caller: Caller) {
  const [user, account] = await Promise.all([
    db.user.get({ accountId: caller.accountId, userId: caller.userId }).go(),
    getAccount(caller.accountId),
  ]);
  if (!user.data) throw notFound('User');
  const u = toUser(user.data);
  return { user: { id: u.id, email: u.email, name: u.name, role: u.role }, account };
}
