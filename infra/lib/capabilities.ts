// What a function may do besides the table. The table grant follows from the route table
// (read-only for GET-only resources); these extras are AWS calls a function's code makes, which
// nothing in the route table says, so they are listed here by function. Keep in step with the code.
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { RuntimeResources } from './environment.ts';
import { mailIdentityArn } from './mail-receiving.ts';

export type Capability =
  /** Cognito Admin* user management on the pool (signup creates the admin; users manages the team). */
  | 'cognitoAdmin'
  /** Create, update and delete schedules in the stage's Scheduler group (task reminders, webhook retries). */
  | 'schedules'
  /** Read and write the files bucket (imports' uploads, big exports) and sign URLs to it. */
  | 'files'
  /** Read the key that seals widgets' secret settings. */
  | 'widgetSecrets'
  /** Send letters through SES from the mail domain's identity (the mail widget's card action). */
  | 'sendMail';

/** Keyed `api/<resource>` or `consumer/<rule name>`. */
export const CAPABILITIES: Readonly<Record<string, readonly Capability[]>> = {
  'api/signup': ['cognitoAdmin'],
  'api/users': ['cognitoAdmin'],
  'consumer/task-reminders': ['schedules'],
  // Webhook retries are one-time schedules: made by each attempt, and by a resend from the API.
  'api/webhooks': ['schedules'],
  'consumer/webhook-deliveries': ['schedules'],
  'consumer/webhook-attempts': ['schedules'],
  'api/imports': ['files'],
  'api/exports': ['files'],
  'consumer/import-run': ['files'],
  // Widgets: settings are saved sealed; actions and public endpoints open them. Each widget's
  // consumer gets it too (events-stack.ts, by the widget rule's name).
  'api/widgets': ['widgetSecrets', 'sendMail'],
  'api/widget-inbound': ['widgetSecrets'],
};

export const COGNITO_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUser',
] as const;

export function grantCapabilities(fn: IGrantable, key: string, r: RuntimeResources): void {
  for (const capability of CAPABILITIES[key] ?? []) {
    if (capability === 'cognitoAdmin') r.userPool.grant(fn, ...COGNITO_ADMIN_ACTIONS);
    // Objects only, read and write: the code gets, puts and signs URLs for those two.
    if (capability === 'files') {
      fn.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [r.files.arnForObjects('*')] }),
      );
    }
    if (capability === 'widgetSecrets') r.widgetSecretsKey.grantRead(fn);
    // Without a mail domain there is no identity to send from: no grant (the widget cannot send in AWS).
    if (capability === 'sendMail' && r.mailDomain) {
      fn.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [mailIdentityArn(r.mailDomain)] }),
      );
    }
    if (capability === 'schedules') {
      r.scheduleGroup.grantWriteSchedules(fn);
      r.scheduleGroup.grantDeleteSchedules(fn);
      // Scheduler runs each schedule as this role; handing it over is what PassRole allows.
      r.schedulerRole.grantPassRole(fn.grantPrincipal);
    }
  }
}
