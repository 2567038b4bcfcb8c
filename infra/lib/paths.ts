// Where the CDK app finds the code it deploys: the repo root, handler and consumer entries, the web build.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOCK_FILE = join(REPO_ROOT, 'package-lock.json');
export const HANDLERS_DIR = join(REPO_ROOT, 'functions', 'handlers');
export const CONSUMERS_DIR = join(REPO_ROOT, 'functions', 'consumers');
export const WEB_DIST = join(REPO_ROOT, 'web', 'dist');
/** Served until the web app has been built, so a first deploy still shows something. */
export const WEB_PLACEHOLDER = join(REPO_ROOT, 'infra', 'web-placeholder');

/** `functions/handlers/<resource>.ts`: the one Lambda entry of a resource of the route table. */
export const handlerEntry = (resource: string) => join(HANDLERS_DIR, `${resource}.ts`);
/** SES receiving's Lambda: the mail widget's inbound letters (infra/lib/mail-receiving.ts). */
export const MAIL_INBOUND_ENTRY = join(REPO_ROOT, 'functions', 'widgets', 'mail', 'ses-inbound.ts');
