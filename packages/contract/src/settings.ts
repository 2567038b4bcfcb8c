// The account's own settings (admin), who logged in from where, and what the account uses.
import * as z from 'zod';
import { Locale } from './accounts.ts';
import { Id, ListQuery, Name, orderedRange, Timestamp } from './common.ts';

/** An IANA zone the runtime knows (Europe/Moscow, UTC): Intl refuses any other. */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not an IANA time zone');

/** ISO 4217 code (RUB, USD, EUR): the one form money is formatted with. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'is not an ISO 4217 currency code')
  .refine((code) => Intl.supportedValuesOf('currency').includes(code), 'is not an ISO 4217 currency code');

/** At most this many entries: the list is checked on every request. */
export const MAX_ALLOWLIST = 100;

/** An address or CIDR range, v4 or v6 (checked and normalised by the server: 203.0.113.7 -> 203.0.113.7/32). */
export const AllowlistEntry = z.string().trim().min(1).max(64);

export const AccountSettings = z.object({
  name: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: Locale,
  ipAllowlist: z.array(z.string()),
  version: z.number().int().min(1),
  updatedAt: Timestamp,
});
export type AccountSettings = z.infer<typeof AccountSettings>;

export const AccountSettingsPatch = z.strictObject({
  name: Name.optional(),
  currency: Currency.optional(),
  timezone: TimeZone.optional(),
  locale: Locale.optional(),
  ipAllowlist: z.array(AllowlistEntry).max(MAX_ALLOWLIST).optional(),
});

/** A sign-in, as the web app reports it right after Cognito answers (POST /sessions). */
export const LoginEntry = z.object({
  id: Id,
  userId: Id,
  at: Timestamp,
  ip: z.string(),
  /** Browser and OS from the user agent ("Chrome 131 on Windows 10"), or "Unknown device". */
  device: z.string(),
  success: z.boolean(),
});
export type LoginEntry = z.infer<typeof LoginEntry>;

export const LoginHistoryQuery = ListQuery.extend({
  userId: Id.optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
}).refine(...orderedRange('from', 'to'));

/** Whether this sign-in was recorded now or had been already (the same token's auth_time). */
export const SessionRecorded = z.object({ login: LoginEntry, recorded: z.boolean() });

/** One line of the cost estimate: a service, what is counted, and its price. */
export const UsageCostLine = z.object({
  service: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceUsd: z.number(),
  costUsd: z.number(),
});

export const Usage = z.object({
  /** The UTC month counted, YYYY-MM. */
  month: z.string(),
  users: z.object({ active: z.number().int(), total: z.number().int() }),
  records: z.object({ leads: z.number().int(), contacts: z.number().int(), companies: z.number().int(), tasks: z.number().int() }),
  apiRequests: z.number().int(),
  estimate: z.object({ totalUsd: z.number(), lines: z.array(UsageCostLine), assumptions: z.array(z.string()) }),
});
export type Usage = z.infer<typeof Usage>;
