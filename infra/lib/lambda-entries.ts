// Every Lambda entry file the app deploys, by function name: API resources (from the route table),
// the Pipe enrichment and the consumer rules. The bundle bench and its budget test use it.
import { join } from 'node:path';
import { consumerRules } from '@crm/functions/consumers/rules';
import { routes } from '@crm/functions/routes';
import { widgetRules } from '@crm/functions/widgets/rules';
import { apiResources } from './api-resources.ts';
import { CONSUMERS_DIR, handlerEntry } from './paths.ts';

export interface LambdaEntry {
  /** `api/<resource>` or `consumer/<name>`. */
  name: string;
  entry: string;
}

export function lambdaEntries(): LambdaEntry[] {
  const api = apiResources(routes).map((r) => ({ name: `api/${r.name}`, entry: handlerEntry(r.name) }));
  const consumers = [
    { name: 'consumer/pipe-enrich', entry: join(CONSUMERS_DIR, 'pipe-enrich.ts') },
    ...consumerRules.map((r) => ({ name: `consumer/${r.name}`, entry: join(CONSUMERS_DIR, `${r.consumer}.ts`) })),
    ...widgetRules().map((r) => ({ name: `consumer/${r.name}`, entry: r.entry })),
  ];
  return [...api, ...consumers];
}
