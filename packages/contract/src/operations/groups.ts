import { Group, GroupCreate, GroupPatch } from '../accounts.ts';
import { ListQuery, page } from '../common.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'groups.list': { summary: 'List groups', query: ListQuery, response: page(Group) },
  'groups.create': { summary: 'Create a group (admin)', body: GroupCreate, response: Group, status: 201 },
  'groups.get': { summary: 'Get a group', response: Group },
  'groups.patch': { summary: 'Rename a group or change its head (admin)', body: GroupPatch, response: Group },
  'groups.delete': { summary: 'Delete a group no user is in (admin)', status: 204 },
} as const satisfies GroupOperations<'groups'>;
