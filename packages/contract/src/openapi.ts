// Builds the OpenAPI 3.1 document from route definitions and their zod schemas.
import * as z from 'zod';
import { Problem } from './common.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One row of the route table (functions/routes.ts). */
export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path, with `{param}` placeholders. */
  path: string;
  /** Entry file functions/handlers/<resource>.ts: one Lambda per resource. */
  resource: string;
  summary: string;
  /** Public routes skip the token check (the contract lists them). */
  public?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  /** Success status; 200 unless said. */
  status?: number;
  /** Media type of the answer when it is not JSON (e.g. text/csv). */
  produces?: string;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

export function buildOpenApi(routes: readonly RouteDef[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1], in: 'path', required: true, schema: { type: 'string' },
    }));
    const query = r.query ? jsonSchema(r.query, 'input') : undefined;
    const queryParams = Object.entries((query?.properties ?? {}) as Record<string, unknown>).map(([name, schema]) => ({
      name, in: 'query', required: ((query?.required as string[]) ?? []).includes(name), schema,
    }));
    const status = String(r.status ?? 200);
    const problem = { description: 'Problem', content: { 'application/problem+json': { schema: jsonSchema(Problem, 'output') } } };
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace('/api/v1', '').replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: r.summary,
      tags: [r.resource],
      security: r.public ? [] : [{ bearer: [] }],
      parameters: [...params, ...queryParams],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: {
        [status]: r.response
          ? { description: 'OK', content: { [r.produces ?? 'application/json']: { schema: jsonSchema(r.response, 'output') } } }
          : { description: 'No content' },
        '4XX': problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
