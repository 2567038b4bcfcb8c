// Starts ONE DynamoDB Local (in memory) and ONE cognito-local, with the table, pool and client, for
// the whole test run, and hands the handlers' environment to test files (inject('crmEnv'); the
// ProvidedContext type is declared in packages/local/src/testing.ts).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../packages/local/src/local-state.ts';
import { startServices } from '../packages/local/src/stack.ts';

export default async function setup(project: TestProject) {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'test-services-'));
  const services = await startServices({ dataDir, inMemory: true });
  project.provide('crmEnv', services.env);
  return async () => {
    await services.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
