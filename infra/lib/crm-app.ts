// Builds the CRM's stacks into a CDK app. bin/app.ts calls it for real synth and deploy; the
// tests call it with their own options, so what they check is the app that ships.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { App, Environment } from 'aws-cdk-lib';
import type { RouteDef } from '@crm/contract';
import { consumerRules } from '@crm/functions/consumers/rules';
import { widgetFolders } from '@crm/functions/widgets/discover';
import { widgetRules } from '@crm/functions/widgets/rules';
import { stackName } from './naming.ts';
import { CONSUMERS_DIR, WEB_DIST, WEB_PLACEHOLDER } from './paths.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { AuthStack } from './stacks/auth-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EventsStack } from './stacks/events-stack.ts';
import { MonitoringStack } from './stacks/monitoring-stack.ts';
import { WebStack } from './stacks/web-stack.ts';

export interface CrmAppOptions {
  stage: string;
  routes: readonly RouteDef[];
  consumersDir?: string;
  webDir?: string;
  alarmEmail?: string;
  env?: Environment;
  /** Another functions/widgets folder (a test's sample widget); the repo's when not given. */
  widgetsDir?: string;
  /** The mail widget's domain: SES receiving and sending (`-c mailDomain=`); neither without it. */
  mailDomain?: string;
}

/** Stage-wide API throttle: caps what a runaway client or script can cost; raise with load. */
const API_THROTTLE = { rateLimit: 200, burstLimit: 400 };
/** Per public route that writes (signup, inbound): enough for real traffic, not for a flood. */
const PUBLIC_WRITE_THROTTLE = { rateLimit: 10, burstLimit: 20 };

export function buildCrmApp(app: App, o: CrmAppOptions) {
  const props = (part: string) => ({ stackName: stackName(o.stage, part), env: o.env, description: `CRM ${o.stage}: ${part}` });
  const webDir = o.webDir ?? (existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : WEB_PLACEHOLDER);

  const data = new DataStack(app, 'Data', props('data'));
  const auth = new AuthStack(app, 'Auth', { ...props('auth'), stage: o.stage });
  const events = new EventsStack(app, 'Events', {
    ...props('events'),
    stage: o.stage,
    table: data.table,
    files: data.files,
    userPool: auth.userPool,
    webClient: auth.webClient,
    consumersDir: o.consumersDir ?? CONSUMERS_DIR,
    consumerRules,
    widgetRules: widgetRules(o.widgetsDir),
    widgetNames: widgetFolders(o.widgetsDir),
    mailDomain: o.mailDomain,
  });
  const api = new ApiStack(app, 'Api', {
    ...props('api'),
    stage: o.stage,
    routes: o.routes,
    throttle: API_THROTTLE,
    publicWriteThrottle: PUBLIC_WRITE_THROTTLE,
    runtime: {
      table: data.table,
      userPool: auth.userPool,
      webClient: auth.webClient,
      bus: events.bus,
      scheduleGroup: events.scheduleGroup,
      schedulerRole: events.schedulerRole,
      schedulerDlq: events.schedulerDlq,
      files: data.files,
      widgetSecretsKey: events.widgetSecretsKey,
      widgetNames: widgetFolders(o.widgetsDir),
      mailDomain: o.mailDomain,
    },
  });
  const web = new WebStack(app, 'Web', {
    ...props('web'),
    api: api.api,
    originSecret: api.originSecret,
    userPool: auth.userPool,
    webClient: auth.webClient,
    webDir,
    wsUrl: events.live.wsUrl,
  });
  const monitoring = new MonitoringStack(app, 'Monitoring', {
    ...props('monitoring'),
    stage: o.stage,
    api: api.api,
    alarmEmail: o.alarmEmail,
    functionNames: [...api.functionNames, ...events.functionNames],
    queueNames: events.queueNames,
  });
  // Found by name, not by reference: deploy it after the things it watches.
  monitoring.addStackDependency(api);
  monitoring.addStackDependency(events);
  return { data, auth, events, api, web, monitoring };
}
