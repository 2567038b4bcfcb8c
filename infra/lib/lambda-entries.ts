// Every Lambda entry file the app deploys, by function name: API resources (from the route table),
// the Pipe enrichment and the consumer rules. The bundle bench and its budget test use it.
import { join } from 'node:path';
import { consumerRules } from '@crm/functions/consumers/rules';
import { routes } from '@crm/functions/routes';
import { widgetRules } from '@crm/functions/widgets/rules';
import { apiResources } from './api-resources.ts';
import { CONSUMERS_DIR, handlerEntry, MAIL_INBOUND_ENTRY, REPO_ROOT } from './paths.ts';

export interface LambdaEntry {
  /** `api/<resource>`, `consumer/<name>` or `live/socket`. */
  name: string;
  entry: string;
}

export function lambdaEntries(): LambdaEntry[] {
  const api = apiResources(routes).map((r) => ({ name: `api/${r.name}`, entry: handlerEntry(r.name) }));
  const consumers = [
    { name: 'consumer/pipe-enrich', entry: join(CONSUMERS_DIR, 'pipe-enrich.ts') },
    ...consumerRules.map((r) => ({ name: `consumer/${r.name}`, entry: join(CONSUMERS_DIR, `${r.consumer}.ts`) })),
    ...widgetRules().map((r) => ({ name: `consumer/${r.name}`, entry: r.entry })),
    // SES receiving (infra/lib/mail-receiving.ts), deployed when the app has a mail domain.
    { name: 'consumer/mail-inbound', entry: MAIL_INBOUND_ENTRY },
  ];
  // Live updates: the WebSocket API's one Lambda (infra/lib/live-socket.ts).
  const live = [{ name: 'live/socket', entry: join(REPO_ROOT, 'functions', 'live', 'socket.ts') }];
  return [...api, ...consumers, ...live];
}
