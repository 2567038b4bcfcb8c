// Sign-up creates an account with its admin, a default pipeline and default task types.
import type { z } from 'zod';
import type { Account, SignupRequest } from '@crm/contract';
import type { Caller } from '../context.ts';
import { db } from '../db.ts';
import { conflict, notFound } from '../errors.ts';
import { createLogin, deleteLogin } from '../identity.ts';
import { newId, now } from '../ids.ts';
import { commit, put, type Write } from '../write/write.ts';
import { newPipelineItem, toPipeline } from './pipelines.ts';
import { toUser } from './users.ts';
import { defaultTaskTypeWrites } from './task-types.ts';
import { firstAdminWrite } from '../derived/admins.ts';
import { rightsOf } from '../rights.ts';

type Locale = z.output<typeof SignupRequest>['locale'];

/** What an account starts with in its locale: stage names, currency, time zone. */
const STARTERS: Record<Locale, { pipeline: string; stages: string[]; won: string; lost: string; currency: string; timezone: string }> = {
  en: {
    pipeline: 'Sales',
    stages: ['Initial contact', 'Negotiation', 'Decision making', 'Contract'],
    won: 'Won',
    lost: 'Lost',
    currency: 'USD',
    timezone: 'UTC',
  },
  ru: {
    pipeline: 'Воронка',
    stages: ['Первичный контакт', 'Переговоры', 'Принимают решение', 'Согласование договора'],
    won: 'Успешно реализовано',
    lost: 'Закрыто и не реализовано',
    currency: 'RUB',
    timezone: 'Europe/Moscow',
  },
};
const STAGE_COLORS = ['#99ccff', '#ffcc66', '#ff9966', '#cc99ff'];

/** Extra writes a new account needs from other modules (e.g. default task types). */
type AccountSeed = (caller: Pick<Caller, 'accountId' | 'userId'>, locale: Locale) => Write[];
const accountSeeds: AccountSeed[] = [];
export const addAccountSeed = (seed: AccountSeed) => accountSeeds.push(seed);
// Registered here rather than by task-types.ts itself, so no import order or bundler can leave them out.
addAccountSeed(defaultTaskTypeWrites);

export async function signup(input: z.output<typeof SignupRequest>) {
  const accountId = newId();
  const userId = newId();
  const at = now();
  const base = { accountId, createdAt: at, updatedAt: at, createdBy: userId, version: 1 };
  const caller = { accountId, userId, role: 'admin', groupId: null, actor: { type: 'system' as const, id: 'signup' } };
  const starter = STARTERS[input.locale];
  const account = {
    ...base,
    name: input.company,
    currency: starter.currency,
    timezone: starter.timezone,
    locale: input.locale,
    ipAllowlist: [],
  };
  const user = { ...base, userId, email: input.email, name: input.name, role: 'admin', active: true };
  const made = newPipelineItem(caller, {
    name: starter.pipeline,
    stages: starter.stages.map((name, i) => ({ name, color: STAGE_COLORS[i] })),
  });
  const closingName = (type: string) => (type === 'won' ? starter.won : starter.lost);
  const pipeline = { ...made, stages: made.stages.map((s) => ({ ...s, name: s.type === 'open' ? s.name : closingName(s.type) })) };

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
        firstAdminWrite(accountId),
        ...accountSeeds.flatMap((seed) => seed(caller, input.locale)),
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

export async function me(caller: Caller) {
  const [user, account] = await Promise.all([
    db.user.get({ accountId: caller.accountId, userId: caller.userId }).go(),
    getAccount(caller.accountId),
  ]);
  if (!user.data) throw notFound('User');
  const u = toUser(user.data);
  return { user: { id: u.id, email: u.email, name: u.name, role: u.role, rights: rightsOf(caller) }, account };
}
