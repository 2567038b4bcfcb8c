// cdk-nag AwsSolutions over every stack. Each acknowledgement is as narrow as cdk-nag allows
// (appliesTo, or the one construct) and says why the finding is accepted.
import { Aspects, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions, type NagPackSuppression } from 'cdk-nag';
import type { buildCrmApp } from './crm-app.ts';

type CrmStacks = ReturnType<typeof buildCrmApp>;

const LAMBDA_BASIC_ROLE: NagPackSuppression = {
  id: 'AwsSolutions-IAM4',
  reason: 'AWSLambdaBasicExecutionRole only lets a function write its own CloudWatch logs.',
  appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
};

const NODE_22: NagPackSuppression = {
  id: 'AwsSolutions-L1',
  reason:
    'nodejs22.x is the chosen runtime (supported into 2027): the code is built and tested on Node 20/22 here; ' +
    'moving to nodejs24.x is a deliberate step with the toolchain, not a side effect of a deploy.',
};

/** Table grants cover its GSIs (`<table>/index/*`): the GSIs are generic (gsi1..gsi6) and any entity may use any. */
const TABLE_INDEXES: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'Access to the table includes its global secondary indexes (<table>/index/*); every GSI belongs to the same one table.',
  appliesTo: [{ regex: '/^Resource::<Table[0-9A-F]+\\.Arn>\\/index\\/\\*$/' }],
};

/** Reminders: one schedule per task, named at run time, inside the stage's own group only. */
const STAGE_SCHEDULES: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason:
    "Task reminders create one schedule per task at run time, so names are not known at deploy time; the wildcard stays inside this stage's schedule group.",
  appliesTo: [
    { regex: '/^Resource::arn:<AWS::Partition>:scheduler:(<AWS::Region>|[a-z0-9-]+):<AWS::AccountId>:schedule\\/crm-[a-z0-9-]+\\/\\*$/' },
  ],
};

/** Imports and exports: one object per file, named at run time (`<account>/imports/<id>`), in the files bucket only. */
const FILE_OBJECTS: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'Imports and exports name one object per file at run time (<account>/<kind>/<id>); the wildcard stays inside the files bucket.',
  appliesTo: [{ regex: '/^Resource::<Files[0-9A-F]+\\.Arn>\\/\\*$/' }],
};

const IS_A_DLQ: NagPackSuppression = {
  id: 'AwsSolutions-SQS3',
  reason: 'This queue is itself a dead-letter queue; its messages are inspected and redriven by an operator (alarm on depth).',
};

export function applyNag(app: App, stacks: CrmStacks): void {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));

  NagSuppressions.addStackSuppressions(stacks.auth, [
    LAMBDA_BASIC_ROLE,
    NODE_22,
    TABLE_INDEXES,
    {
      id: 'AwsSolutions-COG1',
      reason:
        "The password rule is the API contract's (packages/contract Password, min length); Cognito must not reject what signup accepts. NIST SP 800-63B advises length over composition rules.",
    },
    {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by product decision: TOTP is offered to every user; requiring it would block sign-in for teams without authenticator apps.',
    },
    {
      id: 'AwsSolutions-COG8',
      reason: 'Threat protection needs the paid Plus plan; the pool uses the Lite plan, which has every feature the CRM uses.',
    },
  ]);
  NagSuppressions.addStackSuppressions(stacks.api, [
    LAMBDA_BASIC_ROLE,
    NODE_22,
    TABLE_INDEXES,
    STAGE_SCHEDULES,
    FILE_OBJECTS,
    {
      id: 'AwsSolutions-APIG4',
      reason:
        "No API Gateway authorizer by design: every handler verifies the Cognito token itself (aws-jwt-verify middleware) so a rejection is problem+json; only the contract's public routes skip it (asserted in infra/test).",
    },
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The origin secret is a shared value between CloudFront (origin custom header) and the API functions; rotating it needs a distribution update, done by redeploying, not by a rotation Lambda.',
    },
  ]);
  NagSuppressions.addStackSuppressions(stacks.events, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'The widget secrets key seals stored settings; rotating it would need every sealed value re-sealed, so it is not rotated by a rotation Lambda.',
    },
    LAMBDA_BASIC_ROLE,
    NODE_22,
    TABLE_INDEXES,
    STAGE_SCHEDULES,
    FILE_OBJECTS,
    IS_A_DLQ,
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'dynamodb:ListStreams has no resource-level permission (the Pipe role needs it to read the table stream); ' +
        "the enrichment function's ARN:* covers its versions and aliases only.",
      appliesTo: ['Resource::*', { regex: '/^Resource::<PipeEnrich[0-9A-F]+\\.Arn>:\\*$/' }],
    },
    // SES receiving (infra/lib/mail-receiving.ts).
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Each received letter is one object named by its SES message id at run time (inbound/<id>); the inbound Lambda may only read objects under that prefix of the mail bucket.',
      appliesTo: [{ regex: '/^Resource::<MailBucket[0-9A-F]+\\.Arn>\\/inbound\\/\\*$/' }],
    },
    // Live updates (infra/lib/live-socket.ts).
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'The WebSocket API has no API Gateway authorizer by design: its $connect Lambda verifies the Cognito ID token with the same code as the HTTP API (and the IP allow-list); the other routes exist only on a connection $connect accepted.',
    },
    {
      id: 'AwsSolutions-APIG1',
      reason:
        "WebSocket access logs need the account-wide API Gateway CloudWatch role, which this app does not own; every $connect and $disconnect is a Lambda invocation logged in the socket function's own log group.",
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'PostToConnection names a connection id known only at run time; the wildcard stays inside this stage of the live WebSocket API.',
      appliesTo: [
        {
          regex:
            '/^Resource::arn:(<AWS::Partition>|aws[a-z-]*):execute-api:(<AWS::Region>|[a-z0-9-]+):<AWS::AccountId>:<LiveApi[0-9A-F]+>\\/live\\/\\*\\/@connections\\/\\*$/',
        },
      ],
    },
  ]);
  for (const deployment of cdkBucketDeploymentHandlers(stacks.web)) {
    NagSuppressions.addResourceSuppressions(
      deployment,
      [
        LAMBDA_BASIC_ROLE,
        { id: 'AwsSolutions-L1', reason: 'The BucketDeployment handler is CDK-managed; aws-cdk-lib chooses and updates its runtime.' },
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'CDK-managed BucketDeployment copies the asset zip into the site bucket: it needs object wildcards on the CDK asset bucket and on the site bucket, nothing else.',
        },
      ],
      true,
    );
  }
  NagSuppressions.addStackSuppressions(stacks.web, [
    { id: 'AwsSolutions-CFR1', reason: 'A CRM for customers anywhere; no country is excluded by default.' },
    {
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: the API is throttled at the stage and every non-public route checks a token; WAF (about $5/month plus rules) is the next step when abuse is seen.',
    },
    {
      id: 'AwsSolutions-CFR4',
      reason:
        'The default *.cloudfront.net certificate cannot set a minimum TLS version; TLSv1.2_2021 comes with a custom domain and ACM certificate.',
    },
  ]);
}

/** The singleton Lambda that aws-s3-deployment adds per stack (its id carries a hash). */
function cdkBucketDeploymentHandlers(stack: Stack) {
  return stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
}
