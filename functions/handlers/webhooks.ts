// Webhooks (admin): subscriptions, their secrets and their delivery logs.
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  patchWebhook,
  resendDelivery,
  rotateWebhookSecret,
} from '@crm/core';
import { defineResource } from '../http/resource.ts';

export const handler = defineResource('webhooks', {
  'GET /api/v1/webhooks': async ({ caller, query }) => listWebhooks(caller, query),
  'POST /api/v1/webhooks': async ({ caller, body, options }) => createWebhook(caller, body, options),
  'GET /api/v1/webhooks/{id}': async ({ caller, params }) => getWebhook(caller, params.id),
  'PATCH /api/v1/webhooks/{id}': async ({ caller, params, body, options }) => patchWebhook(caller, params.id, body, options),
  'DELETE /api/v1/webhooks/{id}': async ({ caller, params, options }) => deleteWebhook(caller, params.id, options),
  'POST /api/v1/webhooks/{id}/rotate-secret': async ({ caller, params, body, options }) =>
    rotateWebhookSecret(caller, params.id, body, options),
  'GET /api/v1/webhooks/{id}/deliveries': async ({ caller, params, query }) => listDeliveries(caller, params.id, query),
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend': async ({ caller, params }) =>
    resendDelivery(caller, params.id, params.deliveryId),
});
