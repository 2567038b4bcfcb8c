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

/** The language an account starts in: its stage names, task types, currency and time zone follow it. */
export const Locale = z.enum(['en', 'ru']);
export const SignupRequest = z.strictObject({ company: Name, name: Name, email: Email, password: Password, locale: Locale.default('en') });
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
  /** `true` reactivates a deactivated user (DELETE deactivates; `false` does the same). */
  active: z.boolean().optional(),
});
export const UserListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).optional() });

export const Account = z.object({ id: Id, name: z.string(), currency: z.string(), timezone: z.string(), locale: z.string() });
export type Account = z.infer<typeof Account>;

// Rights: each entity type's actions, each set to a scope (who owns the records acted on).
export const RightScope = z.enum(['none', 'own', 'group', 'all']);
export const EntityRights = z.strictObject({ view: RightScope, edit: RightScope, delete: RightScope, export: RightScope });
export const RightsMatrix = z.strictObject({ leads: EntityRights, contacts: EntityRights, companies: EntityRights, tasks: EntityRights });
export type RightsMatrix = z.infer<typeof RightsMatrix>;

export const Me = z.object({
  // `rights` (an addition): the caller's role's matrix, so that an app shows what the role allows (custom roles too).
  user: z.object({ id: Id, email: z.string(), name: z.string(), role: Role, rights: RightsMatrix }),
  account: Account,
});

export const RoleRecord = EntityBase.extend({ name: z.string(), rights: RightsMatrix, builtIn: z.boolean() });
export type RoleRecord = z.infer<typeof RoleRecord>;
export const RoleCreate = z.strictObject({ name: Name, rights: RightsMatrix });
export const RolePatch = z.strictObject({ name: Name.optional(), rights: RightsMatrix.optional() });

export const Group = EntityBase.extend({ name: z.string(), headUserId: Id.nullable() });
export type Group = z.infer<typeof Group>;
export const GroupCreate = z.strictObject({ name: Name, headUserId: Id.optional() });
export const GroupPatch = z.strictObject({ name: Name.optional(), headUserId: Id.nullable().optional() });
