// The domain's public face: the services the handlers call, and what they need to call them.
// Layers, bottom up (test/layers.test.ts keeps them): the kernel (config, context, errors,
// ids, text, rights, page, entities and db) -> model/ (pure mapping and rules) -> write/ (the
// one transaction, idempotency, the versioned aggregate) -> reads/ -> derived/ (what every
// record write keeps in step) -> services/ (commands and queries per record kind) -> cascades/.
export * from './config.ts';
export * from './context.ts';
export * from './errors.ts';
export { dynamo, db } from './db.ts';
export * from './model/phones.ts';
export * from './services/accounts.ts';
export * from './services/users.ts';
export * from './services/callers.ts';
export * from './services/roles.ts';
export * from './services/groups.ts';
export * from './services/pipelines.ts';
export * from './services/leads.ts';
export * from './services/contacts.ts';
export * from './services/companies.ts';
export * from './services/events.ts';
export * from './services/dashboard.ts';
export * from './services/analytics.ts';
export * from './services/task-types.ts';
export * from './services/tasks.ts';
export * from './services/notes.ts';
export * from './services/timeline.ts';
export * from './services/custom-fields.ts';
export * from './services/tags.ts';
export * from './services/search.ts';
export * from './cascades/trash.ts';
export * from './cascades/trash-links.ts';
export * from './cascades/stage-removal.ts';
// What a bulk seed (packages/local/src/seed-leads.ts) writes alongside leads: their report counters.
export { newRecount, recountTallies, type RecountState } from './services/analytics-recount.ts';
export { leadContribution, markStageEntry, taskContribution, type Tally } from './derived/analytics-counters.ts';
export * from './services/settings.ts';
export * from './services/login-history.ts';
export { isAllowed, parseAllowlist, clientAddress } from './model/ip-allowlist.ts';
export * from './services/usage.ts';
export * from './services/webhooks.ts';
export * from './services/webhook-deliveries.ts';
export * from './services/webhook-sender.ts';
export * from './services/api-keys.ts';
export * from './services/notifications.ts';
export * from './services/automations.ts';
export * from './services/imports.ts';
export * from './cascades/import-run.ts';
export * from './cascades/import-files.ts';
export * from './services/exports.ts';
export * from './services/live.ts';
export * from './services/widgets.ts';
export * from './sealing.ts';
export { requireViewableRecord } from './reads/records.ts';
export * from './services/incoming.ts';
export * from './services/forms.ts';
// The Scheduler's settings and client, for tests that look at the schedules a change booked.
export { atExpression, scheduler, schedulerSettings } from './schedules.ts';
export * from './services/messages.ts';
