import { page } from '../common.ts';
import {
  DeliveryListQuery,
  RotateSecret,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookListQuery,
  WebhookPatch,
  WebhookWithSecret,
} from '../webhooks.ts';
import type { GroupOperations } from '../operation-groups.ts';

export default {
  'webhooks.list': { summary: 'List webhooks (admin)', query: WebhookListQuery, response: page(Webhook) },
  'webhooks.create': {
    summary: 'Subscribe a URL to event types (admin); the answer shows the signing secret, once',
    body: WebhookCreate,
    response: WebhookWithSecret,
    status: 201,
  },
  'webhooks.get': { summary: 'Get a webhook (admin)', response: Webhook },
  'webhooks.patch': { summary: 'Change a webhook, switch it on or off (admin)', body: WebhookPatch, response: Webhook },
  'webhooks.delete': { summary: 'Delete a webhook (admin)', status: 204 },
  'webhooks.rotateSecret': {
    summary: 'A new signing secret, shown once; the old one signs beside it for the grace period (admin)',
    body: RotateSecret,
    response: WebhookWithSecret,
  },
  'webhooks.deliveries': {
    summary: "A webhook's deliveries, newest first, with every attempt (admin)",
    query: DeliveryListQuery,
    response: page(WebhookDelivery),
  },
  'webhooks.resend': {
    summary: 'Send a delivery again now, as a new series of attempts (admin)',
    response: WebhookDelivery,
    status: 202,
  },
} as const satisfies GroupOperations<'webhooks'>;
