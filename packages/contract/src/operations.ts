// THE operation table: every operation of the API by id, with its method and path (from
// endpoints.ts), summary, schemas and success status (from its group's file in operations/).
// functions/routes.ts groups the operations into Lambdas; the typed client's types, the
// OpenAPI document and the tests are derived from this table. Loading it builds every group's
// schemas, so a Lambda never does: each loads its own groups (operation-groups.ts loadSchemas).
import type { z } from 'zod';
import { endpoints, OPERATION_IDS, type Endpoints, type OperationId } from './endpoints.ts';
import { loadSchemas, type GroupOf, type OperationGroup, type operationGroups } from './operation-groups.ts';

type GroupTables = { [G in OperationGroup]: Awaited<ReturnType<(typeof operationGroups)[G]>>['default'] };
type Schemas = { [Id in OperationId]: GroupTables[GroupOf<Id>][Id & keyof GroupTables[GroupOf<Id>]] };

// endpoints.ts says, as plain data for the client, whether a call passes a body or a query; it must agree with the schemas.
type InputOf<S> = S extends { body: z.ZodType } ? 'body' : S extends { query: z.ZodType } ? 'query' : undefined;
type DeclaredInput<E> = E extends { input: infer I } ? I : undefined;
type InputDisagrees = { [Id in OperationId]: [InputOf<Schemas[Id]>] extends [DeclaredInput<Endpoints[Id]>] ? never : Id }[OperationId];
const inputsAgree: [InputDisagrees] extends [never] ? true : { disagree: InputDisagrees } = true;
void inputsAgree;
export type Operations = { readonly [Id in OperationId]: Endpoints[Id] & Schemas[Id] };
export type Operation = Operations[OperationId];

/** Every operation, keyed by id, in the order of endpoints.ts. */
export async function loadOperations(): Promise<Operations> {
  const schemas = await loadSchemas(OPERATION_IDS);
  return Object.fromEntries(
    OPERATION_IDS.map((id) => [id, { ...endpoints[id], ...schemas[id] }]),
    // Through unknown: with this many operations TypeScript gives up comparing the two shapes.
  ) as unknown as Operations;
}
