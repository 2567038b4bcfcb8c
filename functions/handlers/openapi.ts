// The OpenAPI document, generated from the route table and the contract's zod schemas.
import { buildOpenApi } from '@crm/contract';
import { defineResource } from '../http/resource.ts';
import { routes } from '../routes.ts';

let document: ReturnType<typeof buildOpenApi> | undefined;

export const handler = defineResource('openapi', {
  'GET /api/v1/openapi.json': async () => (document ??= buildOpenApi(routes, { title: 'CRM API', version: '1.0.0' })),
});
