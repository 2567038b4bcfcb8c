export * from './schemas.ts';
export * from './endpoints.ts';
export * from './operation-groups.ts';
export * from './operations.ts';
export * from './openapi.ts';
export * from './problems.ts';
export * from './form-snippet.ts';
