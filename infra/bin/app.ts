// The CDK app (cdk.json runs it with tsx): `cdk synth|deploy|destroy --all -c stage=<name>`.
import { App } from 'aws-cdk-lib';
import { routes } from '@crm/functions/routes';
import { buildCrmApp } from '../lib/crm-app.ts';
import { checkMailDomain } from '../lib/mail-receiving.ts';
import { applyNag } from '../lib/nag.ts';
import { checkStage, DEFAULT_STAGE } from '../lib/naming.ts';

const app = new App();
const stage = checkStage(app.node.tryGetContext('stage') ?? DEFAULT_STAGE);
const alarmEmail: unknown = app.node.tryGetContext('alarmEmail');
const mailDomain: unknown = app.node.tryGetContext('mailDomain');
const stacks = buildCrmApp(app, {
  stage,
  routes,
  alarmEmail: typeof alarmEmail === 'string' ? alarmEmail : undefined,
  mailDomain: mailDomain === undefined ? undefined : checkMailDomain(mailDomain),
  // Without credentials (offline synth) these are unset and the stacks are environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
applyNag(app, stacks);
