// The account's own settings (admin): name, currency, time zone, locale and the IP allow-list,
// versioned on the account item through the one aggregate write.
import type { EntityItem } from 'electrodb';
import type { z } from 'zod';
import type { AccountSettings, AccountSettingsPatch } from '@crm/contract';
import type { Caller, WriteOptions } from '../context.ts';
import type { AccountEntity } from '../entities/account.ts';
import { db } from '../db.ts';
import { conflict, invalid } from '../errors.ts';
import { isAllowed, parseAllowlist } from '../model/ip-allowlist.ts';
import { requireAdmin } from '../rights.ts';
import { definedOnly } from '../text.ts';
import { aggregate, entityStore } from '../write/aggregate.ts';

type AccountItem = EntityItem<typeof AccountEntity>;

export const toAccountSettings = (a: AccountItem): AccountSettings => ({
  name: a.name,
  currency: a.currency,
  timezone: a.timezone,
  locale: a.locale === 'ru' ? 'ru' : 'en',
  ipAllowlist: a.ipAllowlist ?? [],
  version: a.version,
  updatedAt: a.updatedAt,
});

const settings = aggregate<AccountItem, AccountSettings & { id: string }>({
  type: 'account',
  label: 'Account',
  dataKey: 'settings',
  read: async (caller, accountId, consistent) => (await db.account.get({ accountId }).go({ consistent })).data,
  store: entityStore<AccountItem>(db.account, (a) => ({ accountId: a.accountId })),
  // The aggregate's id is the account's own: a caller only ever reaches their own account.
  toContract: (a) => ({ id: a.accountId, ...toAccountSettings(a) }),
  tracked: ['name', 'currency', 'timezone', 'locale', 'ipAllowlist'],
});

const withoutId = ({ id: _id, ...rest }: AccountSettings & { id: string }): AccountSettings => rest;

export async function getSettings(caller: Caller): Promise<AccountSettings> {
  requireAdmin(caller);
  return withoutId(await settings.get(caller, caller.accountId));
}

/**
 * `clientIp` is the address this request came from (functions/http/access.ts): a list that
 * leaves it out would lock the saving admin out with their next request, so it is refused.
 */
export async function patchSettings(
  caller: Caller,
  patch: z.output<typeof AccountSettingsPatch>,
  clientIp: string,
  options?: WriteOptions,
): Promise<AccountSettings> {
  requireAdmin(caller);
  let ipAllowlist: string[] | undefined;
  if (patch.ipAllowlist) {
    const parsed = parseAllowlist(patch.ipAllowlist);
    if (parsed.errors.length) throw invalid('The IP allow-list has entries that are not addresses or CIDR ranges', parsed.errors);
    if (!isAllowed(parsed.list, clientIp)) {
      throw conflict(
        `Your own address ${clientIp} is not on this list: saving it would lock you out. Add your address (or its range) to the list first.`,
        { address: clientIp },
      );
    }
    ipAllowlist = parsed.list;
  }
  const next = { ...definedOnly(patch), ...(ipAllowlist && { ipAllowlist }) };
  const changed = await settings.change(caller, caller.accountId, options, (current) => ({ next: { ...current, ...next } }), {
    consistent: true,
  });
  return withoutId(changed);
}

/**
 * What the request path needs to know about the account before anything else: its allow-list.
 * One strongly consistent GetItem, so a list takes effect on the very next request. The merge
 * point with caller resolution: once resolveCaller reads the account item and carries
 * `caller.ipAllowlist`, functions/http/access.ts takes the list from the caller instead.
 */
export async function accountAccess(accountId: string): Promise<{ ipAllowlist: string[] }> {
  const { data } = await db.account.get({ accountId }).go({ consistent: true, attributes: ['ipAllowlist'] });
  return { ipAllowlist: data?.ipAllowlist ?? [] };
}
