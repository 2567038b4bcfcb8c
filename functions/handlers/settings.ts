// The account's settings (admin); a new IP allow-list is checked against the saving admin's own address.
import { getSettings, patchSettings } from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('settings', {
  'GET /api/v1/settings': async ({ caller }) => getSettings(caller),
  'PATCH /api/v1/settings': async ({ caller, body, ip, options }) => patchSettings(caller, body, ip, options),
});
