import { User, UserCreate, UserListQuery, UserPatch } from '../accounts.ts';
import { page } from '../common.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'users.list': { summary: 'List users', query: UserListQuery, response: page(User) },
  'users.create': { summary: 'Invite a user (admin)', body: UserCreate, response: User, status: 201 },
  'users.get': { summary: 'Get a user', response: User },
  'users.patch': { summary: 'Change a user (admin)', body: UserPatch, response: User },
  'users.delete': { summary: 'Deactivate a user (admin)', status: 204 },
} as const satisfies GroupOperations<'users'>;
