// Every Lambda entry file the app deploys, by function name: API resources (from the route table),
// the Pipe enrichment, consumer rules and Cognito triggers. The bundle bench and its budget test use it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '@crm/functions/routes';
import { apiResources } from './api-resources.ts';
import { loadConsumerRules } from './consumer-rules.ts';
import { CONSUMERS_DIR, handlerEntry, TRIGGERS_DIR } from './paths.ts';
import { userPoolTriggers } from './triggers.ts';

export interface LambdaEntry {
  /** `api/<resource>`, `consumer/<name>` or `trigger/<operation>`. */
  name: string;
  entry: string;
}

export async function lambdaEntries(): Promise<LambdaEntry[]> {
  const api = apiResources(routes).map((r) => ({ name: `api/${r.name}`, entry: handlerEntry(r.name) }));
  const consumers = [
    { name: 'consumer/pipe-enrich', entry: join(CONSUMERS_DIR, 'pipe-enrich.ts') },
    ...(await loadConsumerRules(CONSUMERS_DIR)).map((r) => ({ name: `consumer/${r.name}`, entry: join(CONSUMERS_DIR, `${r.consumer}.ts`) })),
  ];
  const triggers = userPoolTriggers(TRIGGERS_DIR).map((t) => ({ name: `trigger/${t.name}`, entry: t.entry }));
  // Entries not written yet are left out here; the synth itself fails on them.
  return [...api, ...consumers, ...triggers].filter((e) => existsSync(e.entry));
}
