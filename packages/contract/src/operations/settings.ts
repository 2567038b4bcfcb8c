import { AccountSettings, AccountSettingsPatch } from '../settings.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'settings.get': { summary: "The account's settings (admin)", response: AccountSettings },
  'settings.patch': {
    summary:
      "Change the account's name, currency, time zone, locale or IP allow-list (admin; a list without the caller's own address is a 409)",
    body: AccountSettingsPatch,
    response: AccountSettings,
  },
} as const satisfies GroupOperations<'settings'>;
