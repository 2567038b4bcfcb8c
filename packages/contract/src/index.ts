export * from './common.ts';
export * from './events.ts';
export * from './accounts.ts';
export * from './pipelines.ts';
export * from './leads.ts';
export * from './openapi.ts';
