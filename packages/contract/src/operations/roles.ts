import { RoleCreate, RolePatch, RoleRecord } from '../accounts.ts';
import { ListQuery, page } from '../common.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'roles.list': { summary: 'List roles, the built-in admin and manager first', query: ListQuery, response: page(RoleRecord) },
  'roles.create': { summary: 'Create a custom role (admin)', body: RoleCreate, response: RoleRecord, status: 201 },
  'roles.get': { summary: 'Get a role', response: RoleRecord },
  'roles.patch': { summary: 'Rename a custom role or change its rights (admin)', body: RolePatch, response: RoleRecord },
  'roles.delete': { summary: 'Delete a custom role no user has (admin)', status: 204 },
} as const satisfies GroupOperations<'roles'>;
