// The zod schemas of every request, response and event, in one place for the operation table.
export * from './common.ts';
export * from './text.ts';
export * from './events.ts';
export * from './accounts.ts';
export * from './pipelines.ts';
export * from './dashboard.ts';
export * from './leads.ts';
export * from './contacts.ts';
export * from './companies.ts';
export * from './trash.ts';
export * from './tasks.ts';
export * from './notes.ts';
export * from './timeline.ts';
export * from './custom-fields.ts';
export * from './tags.ts';
export * from './search.ts';
export * from './imports.ts';
