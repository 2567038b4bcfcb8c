// The environment every CRM function reads (packages/core/src/config.ts and the token middleware):
// the same names as the local runtime sets, so one handler runs in both places.
import { Aws } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';

export interface RuntimeResources {
  table: ITable;
  userPool: IUserPool;
  webClient: IUserPoolClient;
  bus: IEventBus;
  scheduleGroup: IScheduleGroup;
  schedulerRole: IRole;
  schedulerDlq: IQueue;
  files: IBucket;
  /** Seals widgets' secret settings (functions/widgets/secret-key.ts). */
  widgetSecretsKey: ISecret;
  /** The folders of functions/widgets: a bundled Lambda cannot list them. */
  widgetNames: readonly string[];
  /** SES's mail domain (the mail widget's mailboxes), when the app has one (`-c mailDomain=`). */
  mailDomain?: string;
}

export function runtimeEnvironment(r: RuntimeResources): Record<string, string> {
  // What aws-jwt-verify compares the token's `iss` with; the pool lives in the stacks' region.
  const issuer = `https://cognito-idp.${Aws.REGION}.amazonaws.com/${r.userPool.userPoolId}`;
  return {
    TABLE_NAME: r.table.tableName,
    USER_POOL_ID: r.userPool.userPoolId,
    USER_POOL_CLIENT_ID: r.webClient.userPoolClientId,
    JWT_ISSUER: issuer,
    JWKS_URI: `${issuer}/.well-known/jwks.json`,
    EVENT_BUS_NAME: r.bus.eventBusName,
    // Reminders are schedules whose target is the bus; creating one needs these four.
    EVENT_BUS_ARN: r.bus.eventBusArn,
    SCHEDULER_GROUP: r.scheduleGroup.scheduleGroupName,
    SCHEDULER_ROLE_ARN: r.schedulerRole.roleArn,
    SCHEDULER_DLQ_ARN: r.schedulerDlq.queueArn,
    FILES_BUCKET: r.files.bucketName,
    WIDGETS: r.widgetNames.join(','),
    WIDGET_SECRETS_KEY_ARN: r.widgetSecretsKey.secretArn,
    ...(r.mailDomain && { MAIL_DOMAIN: r.mailDomain }),
  };
}
