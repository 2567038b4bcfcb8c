// The OpenAPI document, generated from the route table and the contract's zod schemas. It is
// the one operation that needs every group's schemas: they load with the first request.
import { buildOpenApi } from '@crm/contract/openapi';
import { loadSchemas } from '@crm/contract/operation-groups';
import { defineResource } from '../http/resource.ts';
import { routes } from '../routes.ts';

let document: Promise<ReturnType<typeof buildOpenApi>> | undefined;

const build = async () => {
  const schemas = await loadSchemas(routes.map((r) => r.id));
  return buildOpenApi(
    routes.map((r) => ({ ...r, ...schemas[r.id]! })),
    { title: 'CRM API', version: '1.0.0' },
  );
};

export const handler = defineResource('openapi', {
  'GET /api/v1/openapi.json': async () => (document ??= build()),
});
