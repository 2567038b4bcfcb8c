// Accounts, users and the caller's own profile.
import * as z from 'zod';
import { EntityBase, Id, ListQuery, Name } from './common.ts';
import { loginEmail } from './login-email.ts';

export { loginEmail };

/**
 * The one form an e-mail is kept, invited and logged in under, whatever case was typed: Cognito
 * compares usernames as given (cognito-local always; an AWS pool unless made case-insensitive),
 * so every client that logs in sends this form too (the web app, packages/local's logIn).
 */
export const Email = z.email().max(254).transform(loginEmail);
export const Password = z.string().min(8).max(128);
export const Role = z.union([z.enum(['admin', 'manager']), Id]);

export const SignupRequest = z.strictObject({ company: Name, name: Name, email: Email, password: Password });
export const SignupResponse = z.object({ accountId: Id, userId: Id });

export const User = EntityBase.extend({
  email: z.string(),
  name: z.string(),
  role: Role,
  groupId: Id.nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

export const UserCreate = z.strictObject({
  email: Email,
  name: Name,
  role: Role.default('manager'),
  groupId: Id.optional(),
  password: Password.optional(),
});
export const UserPatch = z.strictObject({
  name: Name.optional(),
  role: Role.optional(),
  groupId: Id.nullable().optional(),
});
export const UserListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).optional() });

export const Account = z.object({ id: Id, name: z.string(), currency: z.string(), timezone: z.string(), locale: z.string() });
export type Account = z.infer<typeof Account>;

export const Me = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string(), role: Role }),
  account: Account,
});
