// Users of the account.
import { createUser, deactivateUser, getUser, listUsers, patchUser } from '@crm/core';
import { forgetCaller } from '../http/auth.ts';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('users', {
  'GET /api/v1/users': async ({ caller, query }) => listUsers(caller, query),
  'POST /api/v1/users': async ({ caller, body, options }) => createUser(caller, body, options),
  'GET /api/v1/users/{id}': async ({ caller, params }) => getUser(caller, params.id),
  'PATCH /api/v1/users/{id}': async ({ caller, params, body, options }) => {
    forgetCaller(caller.accountId, params.id);
    return patchUser(caller, params.id, body, options);
  },
  'DELETE /api/v1/users/{id}': async ({ caller, params, options }) => {
    forgetCaller(caller.accountId, params.id);
    await deactivateUser(caller, params.id, options);
  },
});
