// Users of the account, and their roles and groups (one Lambda for people and rights).
import {
  createGroup,
  createRole,
  createUser,
  deactivateUser,
  deleteGroup,
  deleteRole,
  getGroup,
  getRole,
  getUser,
  listGroups,
  listRoles,
  listUsers,
  patchGroup,
  patchRole,
  patchUser,
} from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('users', {
  'GET /api/v1/users': async ({ caller, query }) => listUsers(caller, query),
  'POST /api/v1/users': async ({ caller, body, options }) => createUser(caller, body, options),
  'GET /api/v1/users/{id}': async ({ caller, params }) => getUser(caller, params.id),
  'PATCH /api/v1/users/{id}': async ({ caller, params, body, options }) => patchUser(caller, params.id, body, options),
  'DELETE /api/v1/users/{id}': async ({ caller, params, options }) => {
    await deactivateUser(caller, params.id, options);
  },
  'GET /api/v1/roles': async ({ caller, query }) => listRoles(caller, query),
  'POST /api/v1/roles': async ({ caller, body, options }) => createRole(caller, body, options),
  'GET /api/v1/roles/{id}': async ({ caller, params }) => getRole(caller, params.id),
  'PATCH /api/v1/roles/{id}': async ({ caller, params, body, options }) => patchRole(caller, params.id, body, options),
  'DELETE /api/v1/roles/{id}': async ({ caller, params, options }) => {
    await deleteRole(caller, params.id, options);
  },
  'GET /api/v1/groups': async ({ caller, query }) => listGroups(caller, query),
  'POST /api/v1/groups': async ({ caller, body, options }) => createGroup(caller, body, options),
  'GET /api/v1/groups/{id}': async ({ caller, params }) => getGroup(caller, params.id),
  'PATCH /api/v1/groups/{id}': async ({ caller, params, body, options }) => patchGroup(caller, params.id, body, options),
  'DELETE /api/v1/groups/{id}': async ({ caller, params, options }) => {
    await deleteGroup(caller, params.id, options);
  },
});
